using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ClassScan.Sources.Graph.Download;

/// <summary>
/// Microsoft's quickXorHash, the only content hash OneDrive for Business and SharePoint give
/// (file.hashes.quickXorHash, base64 of 20 bytes). The published definition: a 160-bit register; byte number
/// p of the content is XORed in at bit (p × 11) mod 160, wrapping round the register; at the end the content
/// length (64-bit little-endian) is XORed into the last 8 bytes.
/// <para>
/// Because 11 × 160 ≡ 0 (mod 160), a byte's bit offset depends only on p mod 160. So the bytes are first folded
/// into a 160-byte accumulator by position (plain XOR of 160-byte blocks, 32 bytes at a time), and the shifts are
/// applied once, to the 160 folded bytes, when the hash is read. That is the same function as the reference's
/// per-byte shifting, and fast enough to run inside the download loop (no second pass over the content).
/// </para>
/// Not thread-safe: one instance per download.
/// </summary>
internal sealed class QuickXorHash
{
    public const int HashBytes = 20;
    private const int WidthBits = 160;
    private const int Shift = 11;

    private readonly byte[] folded = new byte[WidthBits];
    private long length;

    /// <summary>Bytes hashed so far.</summary>
    public long Length => length;

    public void Append(ReadOnlySpan<byte> data)
    {
        var phase = (int)(length % WidthBits);
        length += data.Length;

        // Up to the next 160-byte boundary, byte by byte.
        if (phase != 0)
        {
            var head = Math.Min(WidthBits - phase, data.Length);
            for (var i = 0; i < head; i++) folded[phase + i] ^= data[i];
            data = data[head..];
        }

        // Whole blocks, as five 32-byte vectors each, XORed into five registers.
        if (data.Length >= WidthBits)
        {
            var acc = MemoryMarshal.Cast<byte, Vector256<byte>>(folded.AsSpan());
            Vector256<byte> a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3], a4 = acc[4];
            while (data.Length >= WidthBits)
            {
                var block = MemoryMarshal.Cast<byte, Vector256<byte>>(data[..WidthBits]);
                a0 ^= block[0];
                a1 ^= block[1];
                a2 ^= block[2];
                a3 ^= block[3];
                a4 ^= block[4];
                data = data[WidthBits..];
            }
            (acc[0], acc[1], acc[2], acc[3], acc[4]) = (a0, a1, a2, a3, a4);
        }

        for (var i = 0; i < data.Length; i++) folded[i] ^= data[i];
    }

    /// <summary>The hash of everything appended so far (the instance can go on appending).</summary>
    public byte[] Hash()
    {
        var register = new byte[HashBytes];
        for (var k = 0; k < WidthBits; k++)
        {
            var b = folded[k];
            if (b == 0) continue;
            var offset = k * Shift % WidthBits;
            for (var bit = 0; bit < 8; bit++)
            {
                if ((b >> bit & 1) == 0) continue;
                var at = (offset + bit) % WidthBits;
                register[at >> 3] ^= (byte)(1 << (at & 7));
            }
        }
        Span<byte> len = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(len, length);
        for (var i = 0; i < 8; i++) register[HashBytes - 8 + i] ^= len[i];
        return register;
    }

    /// <summary>The hash as Graph writes it: base64.</summary>
    public string HashBase64() => Convert.ToBase64String(Hash());

    public static string Compute(ReadOnlySpan<byte> data)
    {
        var h = new QuickXorHash();
        h.Append(data);
        return h.HashBase64();
    }
}
