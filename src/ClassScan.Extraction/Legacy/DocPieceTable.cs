using System.Buffers.Binary;
using System.Text;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.Text;

namespace ClassScan.Extraction.Legacy;

/// <summary>
/// The piece table of a Word 97-2003 document ([MS-DOC] 2.9.38 Clx, 2.8.35 PlcPcd): the document's characters
/// are pieces of the WordDocument stream, each either UTF-16 or "compressed" 8-bit (Windows-1252 at fc/2). The
/// text of every piece is decoded once into one array indexed by CP; the stream offset of each CP is kept for
/// the paragraph-property lookup. Every piece is checked against the stream, so the text is never larger than
/// the file.
/// </summary>
internal sealed class DocPieceTable
{
    private readonly int[] cps;
    private readonly uint[] fcs;
    private readonly bool[] compressed;

    private DocPieceTable(string text, int[] cps, uint[] fcs, bool[] compressed)
    {
        Text = text;
        this.cps = cps;
        this.fcs = fcs;
        this.compressed = compressed;
    }

    /// <summary>All characters of all stories, index = CP.</summary>
    public string Text { get; }

    /// <summary>
    /// Reads the piece table. <paramref name="eightBit"/> set means a Word 6/95 file: every piece is 8-bit text in
    /// that encoding at its plain fc (there is no compression flag before Word 97).
    /// </summary>
    public static DocPieceTable Read(ReadOnlySpan<byte> clx, byte[] word, Encoding? eightBit, CancellationToken ct)
    {
        // Clx: any number of Prc (0x01, cbGrpprl, grpprl) then one Pcdt (0x02, lcb, PlcPcd).
        int pos = 0;
        for (int guard = 0; pos < clx.Length && clx[pos] == 0x01; guard++)
        {
            if (pos + 3 > clx.Length || guard > clx.Length) throw Corrupt();
            short cb = BinaryPrimitives.ReadInt16LittleEndian(clx[(pos + 1)..]);
            if (cb < 0) throw Corrupt();
            pos += 3 + cb;
        }
        if (pos + 5 > clx.Length || clx[pos] != 0x02) throw Corrupt();
        uint lcb = BinaryPrimitives.ReadUInt32LittleEndian(clx[(pos + 1)..]);
        var plc = clx[(pos + 5)..];
        if (lcb > plc.Length || lcb < 16 || (lcb - 4) % 12 != 0) throw Corrupt();
        int n = (int)((lcb - 4) / 12);

        var cps = new int[n + 1];
        for (int i = 0; i <= n; i++)
        {
            uint cp = BinaryPrimitives.ReadUInt32LittleEndian(plc[(4 * i)..]);
            if (cp > int.MaxValue || (i > 0 && cp < cps[i - 1])) throw Corrupt();
            cps[i] = (int)cp;
        }
        if (cps[0] != 0) throw Corrupt();

        var fcs = new uint[n];
        var packed = new bool[n];
        long chars = 0;
        for (int i = 0; i < n; i++)
        {
            // Pcd: 2 bytes of flags, FcCompressed (fc: 30 bits, fCompressed: bit 30), prm.
            uint raw = BinaryPrimitives.ReadUInt32LittleEndian(plc[((4 * (n + 1)) + (8 * i) + 2)..]);
            packed[i] = eightBit is not null || (raw & 0x40000000) != 0;
            uint fc = eightBit is not null ? raw : raw & 0x3FFFFFFF;
            fcs[i] = eightBit is null && packed[i] ? fc / 2 : fc;
            long length = cps[i + 1] - cps[i];
            long bytes = packed[i] ? length : 2 * length;
            if (fcs[i] + bytes > word.Length) throw Corrupt();
            chars += length;
        }
        if (chars > word.Length) throw Corrupt();

        var sb = new StringBuilder((int)chars);
        for (int i = 0; i < n; i++)
        {
            if ((i & 255) == 0) ct.ThrowIfCancellationRequested();
            int length = cps[i + 1] - cps[i];
            var bytes = word.AsSpan((int)fcs[i], packed[i] ? length : 2 * length);
            sb.Append(packed[i] ? (eightBit ?? TextDecoding.Windows1252).GetString(bytes) : Encoding.Unicode.GetString(bytes));
        }
        return new DocPieceTable(sb.ToString(), cps, fcs, packed);
    }

    /// <summary>One 8-bit piece of <paramref name="length"/> characters at <paramref name="fc"/> (a Word 6/95 file without a piece table).</summary>
    public static DocPieceTable Single(byte[] word, uint fc, long length, Encoding encoding)
    {
        if (fc > word.Length) throw Corrupt();
        int n = (int)Math.Min(length, word.Length - fc);
        var text = encoding.GetString(word, (int)fc, n);
        return new DocPieceTable(text, [0, text.Length], [fc], [true]);
    }

    /// <summary>The offset in the WordDocument stream of the character at <paramref name="cp"/>, or -1.</summary>
    public long StreamOffset(int cp)
    {
        int i = Array.BinarySearch(cps, cp);
        if (i < 0) i = ~i - 1;
        if (i < 0 || i >= fcs.Length) return -1;
        while (i < fcs.Length - 1 && cps[i + 1] == cp) i++; // skip empty pieces that start at the same CP
        long delta = cp - cps[i];
        return fcs[i] + (compressed[i] ? delta : 2 * delta);
    }

    private static ExtractionStop Corrupt() => ExtractionStop.Corrupt("damaged Word document: invalid piece table");
}
