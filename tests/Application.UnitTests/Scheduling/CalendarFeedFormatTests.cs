using System.Text;
using ClinicHip.Application.Scheduling.CalendarFeed;
using ClinicHip.Domain.Scheduling;

namespace ClinicHip.Application.UnitTests.Scheduling;

public class CalendarFeedFormatTests
{
    [Theory]
    [InlineData("a,b;c\\d", "a\\,b\\;c\\\\d")]
    [InlineData("line one\r\nline two\nthree", "line one\\nline two\\nthree")]
    [InlineData("bell\u0007gone", "bellgone")]
    public void Text_EscapesAsRfc5545Asks(string value, string escaped) => CalendarFeedFormat.Text(value).ShouldBe(escaped);

    [Fact]
    public void Line_FoldsAt75Octets_WithoutSplittingACharacter()
    {
        // 74 ASCII octets, then a 3-octet character that does not fit on the first line.
        var content = "SUMMARY:" + new string('x', 66) + "髋" + new string('y', 100);
        var output = new StringBuilder();

        CalendarFeedFormat.Line(output, content);

        var lines = output.ToString()[..^2].Split("\r\n");
        lines.ShouldAllBe(line => Encoding.UTF8.GetByteCount(line) <= CalendarFeedFormat.MaxLineOctets);
        lines[0].ShouldBe("SUMMARY:" + new string('x', 66));
        lines[1].ShouldStartWith(" 髋");
        lines.Skip(1).ShouldAllBe(line => line.StartsWith(' '));
        string.Concat(lines.Select((line, i) => i == 0 ? line : line[1..])).ShouldBe(content);
    }

    [Fact]
    public void Write_GivesCancelledAppointmentsTheCancelledStatus_AndUtcTimes()
    {
        var id = Guid.NewGuid();
        var start = new DateTime(2026, 12, 1, 23, 30, 0, DateTimeKind.Utc);
        var calendar = new ClinicianCalendar(Guid.NewGuid(), "Maya Chen",
            [new CalendarEvent(id, Guid.NewGuid(), "J.L.", "Follow-up", AppointmentMode.InPerson, AppointmentStatus.Cancelled, start, start.AddMinutes(30), start.AddDays(-2))]);

        var ics = CalendarFeedFormat.Write(calendar);

        ics.ShouldStartWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
        ics.ShouldContain($"UID:{id}@clinichip\r\n");
        ics.ShouldContain("DTSTART:20261201T233000Z\r\nDTEND:20261202T000000Z\r\n");
        ics.ShouldContain("DTSTAMP:20261129T233000Z\r\n");
        ics.ShouldContain("STATUS:CANCELLED\r\n");
        ics.ShouldContain("SUMMARY:Cancelled: Follow-up – J.L.\r\n");
        ics.ShouldEndWith("END:VEVENT\r\nEND:VCALENDAR\r\n");
    }
}
