namespace ClassScan.GraphSimulator;

/// <summary>
/// Microsoft's quickXorHash (the only content hash OneDrive for Business and SharePoint give), one-shot, after
/// the published reference implementation: 160 bits, each byte XORed in at a position that moves 11 bits per
/// byte, the length XORed into the last 8 bytes. The scanner may verify downloads against it, so the simulator
/// serves the real value rather than a stand-in.
/// </summary>
internal static class QuickXorHash
{
    private const int WidthInBits = 160;
    private const int Shift = 11;

    public static string Base64(ReadOnlySpan<byte> data) => Convert.ToBase64String(Compute(data));

    public static byte[] Compute(ReadOnlySpan<byte> array)
    {
        Span<ulong> cells = stackalloc ulong[3];
        cells.Clear();
        var cbSize = array.Length;
        var vectorArrayIndex = 0;
        var vectorOffset = 0;
        var iterations = Math.Min(cbSize, WidthInBits);
        for (var i = 0; i < iterations; i++)
        {
            var isLastCell = vectorArrayIndex == cells.Length - 1;
            var bitsInVectorCell = isLastCell ? 32 : 64;
            if (vectorOffset <= bitsInVectorCell - 8)
            {
                for (var j = i; j < cbSize; j += WidthInBits) cells[vectorArrayIndex] ^= (ulong)array[j] << vectorOffset;
            }
            else
            {
                var index2 = isLastCell ? 0 : vectorArrayIndex + 1;
                var low = bitsInVectorCell - vectorOffset;
                byte xored = 0;
                for (var j = i; j < cbSize; j += WidthInBits) xored ^= array[j];
                cells[vectorArrayIndex] ^= (ulong)xored << vectorOffset;
                cells[index2] ^= (ulong)xored >> low;
            }
            vectorOffset += Shift;
            while (vectorOffset >= bitsInVectorCell)
            {
                vectorArrayIndex = isLastCell ? 0 : vectorArrayIndex + 1;
                vectorOffset -= bitsInVectorCell;
            }
        }

        var rgb = new byte[(WidthInBits - 1) / 8 + 1];
        for (var i = 0; i < cells.Length - 1; i++) BitConverter.TryWriteBytes(rgb.AsSpan(i * 8, 8), cells[i]);
        Span<byte> last = stackalloc byte[8];
        BitConverter.TryWriteBytes(last, cells[^1]);
        last[..(rgb.Length - (cells.Length - 1) * 8)].CopyTo(rgb.AsSpan((cells.Length - 1) * 8));
        Span<byte> length = stackalloc byte[8];
        BitConverter.TryWriteBytes(length, (long)cbSize);
        for (var i = 0; i < 8; i++) rgb[WidthInBits / 8 - 8 + i] ^= length[i];
        return rgb;
    }
}
