using System.Buffers.Binary;
using System.Text;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Extraction.Tests.Legacy;

/// <summary>
/// Builds a minimal Word 97-2003 file by hand ([MS-DOC] FIB, Clx with a PlcPcd in the 1Table stream) so that
/// tests control exactly what Word writes: compressed (8-bit) or UTF-16 pieces, story lengths, a PlcfHdd.
/// Not a document Word would open (no styles, no properties): enough for the text reader.
/// </summary>
internal sealed class DocFileBuilder
{
    private const int TextStart = 0x400;
    private readonly List<(string Text, bool Compressed)> pieces = [];
    private readonly int[] ccps = new int[11];
    private uint[]? plcfHdd;

    public ushort NFib { get; init; } = 0x00C1;

    public ushort Ident { get; init; } = 0xA5EC;

    /// <summary>A piece of text; compressed pieces are Windows-1252, the others UTF-16.</summary>
    public DocFileBuilder Piece(string text, bool compressed = false)
    {
        pieces.Add((text, compressed));
        return this;
    }

    /// <summary>Sets FibRgLw97 entry 3 (ccpText) ... 10 (ccpHdrTxbx).</summary>
    public DocFileBuilder Ccp(int index, int count)
    {
        ccps[index] = count;
        return this;
    }

    public DocFileBuilder HeaderStories(params uint[] cps)
    {
        plcfHdd = cps;
        return this;
    }

    /// <summary>The WordDocument and 1Table streams; <paramref name="breakClx"/> points fcClx past the table.</summary>
    public (byte[] Word, byte[] Table) Streams(bool breakClx = false)
    {
        var word = new MemoryStream();
        var fib = new byte[TextStart];
        BinaryPrimitives.WriteUInt16LittleEndian(fib, Ident);
        BinaryPrimitives.WriteUInt16LittleEndian(fib.AsSpan(2), NFib);
        BinaryPrimitives.WriteUInt16LittleEndian(fib.AsSpan(0x0A), 0x0200); // fWhichTblStm: 1Table
        BinaryPrimitives.WriteUInt16LittleEndian(fib.AsSpan(32), 14); // csw
        int lw = 32 + 2 + 28;
        BinaryPrimitives.WriteUInt16LittleEndian(fib.AsSpan(lw), 22); // cslw
        int totalCp = pieces.Sum(p => p.Text.Length);
        if (ccps.All(c => c == 0)) ccps[3] = totalCp;
        for (int i = 0; i < ccps.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(fib.AsSpan(lw + 2 + (4 * i)), ccps[i]);
        int pairs = lw + 2 + 88;
        BinaryPrimitives.WriteUInt16LittleEndian(fib.AsSpan(pairs), 93); // cbRgFcLcb (Word 97)
        word.Write(fib);

        // Text pieces, then the table stream: Clx (one Prc, then the Pcdt) and the PlcfHdd.
        var fcs = new List<uint>();
        foreach (var (text, compressed) in pieces)
        {
            var bytes = compressed ? CodePages.Windows1252.GetBytes(text) : Encoding.Unicode.GetBytes(text);
            fcs.Add(compressed ? (uint)(word.Position * 2) | 0x40000000 : (uint)word.Position);
            word.Write(bytes);
        }
        var table = new MemoryStream();
        table.Write(new byte[16]); // nothing may start at offset 0
        uint fcClx = (uint)table.Position;
        table.Write([0x01, 0x02, 0x00, 0x00, 0x00]); // a Prc with a 2-byte grpprl
        int n = pieces.Count;
        var plc = new byte[(4 * (n + 1)) + (8 * n)];
        int cp = 0;
        for (int i = 0; i <= n; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(plc.AsSpan(4 * i), (uint)cp);
            if (i < n)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(plc.AsSpan((4 * (n + 1)) + (8 * i) + 2), fcs[i]);
                cp += pieces[i].Text.Length;
            }
        }
        table.WriteByte(0x02);
        table.Write(BitConverter.GetBytes((uint)plc.Length));
        table.Write(plc);
        uint lcbClx = (uint)(table.Position - fcClx);
        uint fcHdd = (uint)table.Position;
        foreach (var hcp in plcfHdd ?? []) table.Write(BitConverter.GetBytes(hcp));
        uint lcbHdd = (uint)(table.Position - fcHdd);

        var wordBytes = word.ToArray();
        void Pair(int index, uint fc, uint lcb)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(wordBytes.AsSpan(pairs + 2 + (8 * index)), fc);
            BinaryPrimitives.WriteUInt32LittleEndian(wordBytes.AsSpan(pairs + 2 + (8 * index) + 4), lcb);
        }
        Pair(33, breakClx ? 0x7FFFFFF0u : fcClx, lcbClx);
        if (plcfHdd is not null) Pair(11, fcHdd, lcbHdd);
        return (wordBytes, table.ToArray());
    }

    public byte[] Build(bool breakClx = false)
    {
        var (word, table) = Streams(breakClx);
        return CompoundFileWriter.Create(("WordDocument", word), ("1Table", table));
    }

    private static class CodePages
    {
        public static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
    }
}
