namespace ClinicHip.Infrastructure.TrainingFiles;

/// <summary>The FIT protocol's CRC-16 (polynomial 0xA001, nibble table), as the FIT SDK computes it over header and records.</summary>
internal static class FitCrc
{
    private static readonly ushort[] Table =
    [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ];

    public static ushort Add(ushort crc, byte value)
    {
        var low = Table[crc & 0xF];
        crc = (ushort)(((crc >> 4) & 0x0FFF) ^ low ^ Table[value & 0xF]);
        var high = Table[crc & 0xF];
        return (ushort)(((crc >> 4) & 0x0FFF) ^ high ^ Table[(value >> 4) & 0xF]);
    }
}
