using ClinicHip.Application.Common.ChangeFeeds;
using ClinicHip.Application.Common.Exceptions;

namespace ClinicHip.Application.UnitTests.Common;

public class ChangeFeedTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ChangeFeedOptions Options = new();
    private static readonly object?[] NoFilters = [null, null];

    private static ChangeFeed Start(DateTimeOffset since, object?[]? filters = null) =>
        ChangeFeed.For("patients", null, since, 1, filters ?? NoFilters, new FixedClock(Now), Options)!;

    private static ChangeFeed Continue(string cursor, string list = "patients", object?[]? filters = null) =>
        ChangeFeed.For(list, cursor, null, 1, filters ?? NoFilters, new FixedClock(Now), Options)!;

    [Fact]
    public void For_NeitherCursorNorUpdatedSince_IsNoFeed()
    {
        ChangeFeed.For("patients", null, null, 1, NoFilters, new FixedClock(Now), Options).ShouldBeNull();
    }

    [Fact]
    public void NextCursor_OfAFullPage_ContinuesJustAfterItsLastRecord()
    {
        var last = (new DateTime(2026, 11, 30, 8, 0, 0, 123, DateTimeKind.Utc).AddTicks(4567), Guid.CreateVersion7());

        var next = Continue(Start(Now.AddDays(-2)).NextCursor(pageSize: 2, rowCount: 2, last));

        next.Position.ShouldBe(new ChangeFeedPosition(last.Item1, last.Item2));
    }

    [Fact]
    public void NextCursor_OfAShortPage_StartsAtTheSettleHorizon()
    {
        var feed = Start(Now.AddDays(-2));

        var next = Continue(feed.NextCursor(pageSize: 50, rowCount: 3, (Now.AddDays(-1).UtcDateTime, Guid.CreateVersion7())));

        feed.HorizonUtc.ShouldBe((Now - Options.SettleLag).UtcDateTime);
        next.Position.ShouldBe(new ChangeFeedPosition(feed.HorizonUtc, null));
    }

    [Fact]
    public void NextCursor_OfAnEmptyPageFromAfterTheHorizon_StaysWhereItWas()
    {
        var next = Continue(Start(Now).NextCursor(pageSize: 50, rowCount: 0, null));

        next.Position.ShouldBe(new ChangeFeedPosition(Now.UtcDateTime, null));
    }

    [Fact]
    public void For_CursorWithOtherFilters_IsRefusedAsAConflict()
    {
        var cursor = Start(Now.AddDays(-1), ["lee", null]).NextCursor(50, 0, null);

        Should.Throw<ChangeCursorException>(() => Continue(cursor, filters: ["lee", true])).Code.ShouldBe(ChangeCursorException.Conflict);
        Continue(cursor, filters: ["lee", null]).ShouldNotBeNull();
    }

    [Fact]
    public void For_CursorWithUpdatedSinceOrALaterPage_IsRefusedAsAConflict()
    {
        var cursor = Start(Now.AddDays(-1)).NextCursor(50, 0, null);

        Should.Throw<ChangeCursorException>(() => ChangeFeed.For("patients", cursor, Now, 1, NoFilters, new FixedClock(Now), Options))
            .Code.ShouldBe(ChangeCursorException.Conflict);
        Should.Throw<ChangeCursorException>(() => ChangeFeed.For("patients", cursor, null, 2, NoFilters, new FixedClock(Now), Options))
            .Code.ShouldBe(ChangeCursorException.Conflict);
    }

    [Fact]
    public void For_CursorOfAnotherList_IsRefusedAsInvalid()
    {
        var cursor = Start(Now.AddDays(-1)).NextCursor(50, 0, null);

        Should.Throw<ChangeCursorException>(() => Continue(cursor, list: "appointments")).Code.ShouldBe(ChangeCursorException.Invalid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-cursor")]
    [InlineData("+/=")]
    [InlineData("MS5wYXRpZW50cy4xMi4t")]
    [InlineData("Mi5wYXRpZW50cy4xMi4tLkFBQUE")]
    public void For_CursorTheFeedNeverWrote_IsRefusedAsInvalid(string cursor)
    {
        Should.Throw<ChangeCursorException>(() => Continue(cursor)).Code.ShouldBe(ChangeCursorException.Invalid);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
