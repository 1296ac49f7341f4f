using System.Buffers.Binary;

namespace ClassScan.Extraction.Legacy;

/// <summary>
/// Whether a paragraph is in a table and whether it ends a table row, from the paragraph properties of a Word
/// 97-2003 document ([MS-DOC] 2.8.26 PlcBtePapx, 2.9.175 PapxFkp): the bin table maps stream offsets to 512-byte
/// FKP pages, each listing paragraph runs and their sprms. Only sprmPFInTable, sprmPItap and the TTP sprms are
/// read. A damaged table only costs the table layout (cells then read as tab-separated body text), never the
/// text, so every inconsistency here answers "not in a table".
/// </summary>
internal sealed class DocParagraphs
{
    private const int PageSize = 512;
    private const ushort SprmPFInTable = 0x2416;
    private const ushort SprmPFTtp = 0x2417;
    private const ushort SprmPFInnerTableCell = 0x244B;
    private const ushort SprmPFInnerTtp = 0x244C;
    private const ushort SprmPItap = 0x6649;
    private const ushort SprmPChgTabs = 0xC615;
    private const ushort SprmTDefTable = 0xD608;

    private readonly byte[] word;
    private readonly uint[] binFcs;
    private readonly uint[] pages;

    private DocParagraphs(byte[] word, uint[] binFcs, uint[] pages)
    {
        this.word = word;
        this.binFcs = binFcs;
        this.pages = pages;
    }

    /// <summary>No properties known: every paragraph reads as outside a table.</summary>
    public static DocParagraphs None { get; } = new([], [], []);

    public static DocParagraphs Read(ReadOnlySpan<byte> plcBtePapx, byte[] word)
    {
        if (plcBtePapx.Length < 12 || (plcBtePapx.Length - 4) % 8 != 0) return None;
        int n = (plcBtePapx.Length - 4) / 8;
        var fcs = new uint[n + 1];
        for (int i = 0; i <= n; i++) fcs[i] = BinaryPrimitives.ReadUInt32LittleEndian(plcBtePapx[(4 * i)..]);
        var pns = new uint[n];
        for (int i = 0; i < n; i++) pns[i] = BinaryPrimitives.ReadUInt32LittleEndian(plcBtePapx[((4 * (n + 1)) + (4 * i))..]) & 0x3FFFFF;
        return new DocParagraphs(word, fcs, pns);
    }

    /// <summary>Table facts of the paragraph whose mark sits at stream offset <paramref name="fc"/>.</summary>
    public (bool InTable, bool RowEnd) Lookup(long fc)
    {
        if (fc < 0 || pages.Length == 0) return (false, false);
        int bin = FindRun(binFcs, fc);
        if (bin < 0 || bin >= pages.Length) return (false, false);
        long start = (long)pages[bin] * PageSize;
        if (start + PageSize > word.Length) return (false, false);
        var page = word.AsSpan((int)start, PageSize);

        int crun = page[PageSize - 1];
        if (crun == 0 || (4 * (crun + 1)) + (13 * crun) > PageSize - 1) return (false, false);
        var runFcs = new uint[crun + 1];
        for (int i = 0; i <= crun; i++) runFcs[i] = BinaryPrimitives.ReadUInt32LittleEndian(page[(4 * i)..]);
        int run = FindRun(runFcs, fc);
        if (run < 0 || run >= crun) return (false, false);

        int offset = 2 * page[(4 * (crun + 1)) + (13 * run)];
        if (offset == 0 || offset >= PageSize - 1) return (false, false);
        int cb = page[offset];
        int from, length;
        if (cb == 0)
        {
            from = offset + 2;
            length = 2 * page[offset + 1];
        }
        else
        {
            from = offset + 1;
            length = (2 * cb) - 1;
        }
        if (from + length > PageSize - 1 || length < 2) return (false, false);
        return Sprms(page.Slice(from + 2, length - 2)); // istd first
    }

    private static (bool InTable, bool RowEnd) Sprms(ReadOnlySpan<byte> grpprl)
    {
        bool inTable = false, rowEnd = false;
        int pos = 0;
        while (pos + 2 <= grpprl.Length)
        {
            ushort sprm = BinaryPrimitives.ReadUInt16LittleEndian(grpprl[pos..]);
            pos += 2;
            int size = (sprm >> 13) switch
            {
                0 or 1 => 1,
                2 or 4 or 5 => 2,
                3 => 4,
                7 => 3,
                _ => -1,
            };
            if (size < 0)
            {
                if (sprm == SprmTDefTable)
                {
                    if (pos + 2 > grpprl.Length) break;
                    size = 2 + BinaryPrimitives.ReadUInt16LittleEndian(grpprl[pos..]) - 1;
                }
                else
                {
                    if (pos >= grpprl.Length || (sprm == SprmPChgTabs && grpprl[pos] == 255)) break;
                    size = 1 + grpprl[pos];
                }
            }
            if (size < 0 || pos + size > grpprl.Length) break;
            var operand = grpprl.Slice(pos, size);
            switch (sprm)
            {
                case SprmPFInTable or SprmPFInnerTableCell:
                    inTable |= operand[0] != 0;
                    break;
                case SprmPFTtp or SprmPFInnerTtp:
                    rowEnd |= operand[0] != 0;
                    break;
                case SprmPItap:
                    inTable |= BinaryPrimitives.ReadInt32LittleEndian(operand) > 0;
                    break;
            }
            pos += size;
        }
        return (inTable || rowEnd, rowEnd);
    }

    /// <summary>Index i with fcs[i] &lt;= fc &lt; fcs[i + 1], or -1.</summary>
    private static int FindRun(uint[] fcs, long fc)
    {
        int lo = 0, hi = fcs.Length - 2;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (fc < fcs[mid]) hi = mid - 1;
            else if (fc >= fcs[mid + 1]) lo = mid + 1;
            else return mid;
        }
        return -1;
    }
}
