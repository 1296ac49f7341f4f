namespace ClassScan.Sources.Graph.Tests.Fakes;

/// <summary>
/// quickXorHash written the slow, literal way from Microsoft's description (each byte XORed into a circular
/// 160-bit register at bit p × 11 mod 160, then the length XORed into the last 8 bytes), bit by bit. The fake
/// server lists it as file.hashes.quickXorHash, and the tests compare the fast implementation with it, so the
/// two are written independently.
/// </summary>
internal static class ReferenceQuickXorHash
{
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var register = new bool[160];
        for (long p = 0; p < data.Length; p++)
        {
            var offset = (int)(p * 11 % 160);
            for (var bit = 0; bit < 8; bit++)
            {
                if ((data[(int)p] >> bit & 1) == 1) register[(offset + bit) % 160] ^= true;
            }
        }
        var bytes = new byte[20];
        for (var i = 0; i < 160; i++)
        {
            if (register[i]) bytes[i / 8] |= (byte)(1 << (i % 8));
        }
        var length = BitConverter.GetBytes((long)data.Length);
        if (!BitConverter.IsLittleEndian) Array.Reverse(length);
        for (var i = 0; i < 8; i++) bytes[12 + i] ^= length[i];
        return bytes;
    }

    public static string Base64(ReadOnlySpan<byte> data) => Convert.ToBase64String(Hash(data));
}
