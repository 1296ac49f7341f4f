using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Biff;

/// <summary>
/// Builds one sheet's text from cells met in record order, the same shape as the OOXML sheet walker: cells of a
/// row joined by tab, rows by newline, blank cells left out, emitted as <see cref="SegmentKind.Cell"/> chunks of
/// whole rows under the sheet's location. A chunk is also cut inside an overlong row, so a crafted row of endless
/// cells cannot grow a buffer past the chunk size before the text budget sees it.
/// </summary>
internal sealed class BiffSheetText(SegmentCollector collector, string location)
{
    private const int ChunkChars = 256 * 1024;

    private readonly StringBuilder sheet = new();
    private readonly StringBuilder row = new();
    private long currentRow = -1;
    private int rows;

    public void AddCell(long rowIndex, string text)
    {
        if (rowIndex != currentRow)
        {
            EndRow();
            currentRow = rowIndex;
        }
        if (string.IsNullOrWhiteSpace(text)) return;
        if (row.Length > 0) row.Append('\t');
        row.Append(text);
        if (sheet.Length + row.Length > ChunkChars)
        {
            sheet.Append(row);
            row.Clear();
            collector.Flush(SegmentKind.Cell, location, sheet);
        }
    }

    /// <summary>Ends the sheet: the rows not yet emitted become its last chunk.</summary>
    public void Finish()
    {
        EndRow();
        collector.Flush(SegmentKind.Cell, location, sheet);
    }

    /// <summary>
    /// Ends the sheet with the text kept beside its cells: header, footer and comments, each under the sheet's
    /// location ("blad 'X' sidhuvud"), in that order in every BIFF reader.
    /// </summary>
    public void Finish(StringBuilder headers, StringBuilder footers, StringBuilder comments)
    {
        Finish();
        collector.Flush(SegmentKind.Header, $"{location} sidhuvud", headers);
        collector.Flush(SegmentKind.Footer, $"{location} sidfot", footers);
        collector.Flush(SegmentKind.Comment, $"{location} kommentar", comments);
    }

    private void EndRow()
    {
        if (row.Length > 0)
        {
            sheet.Append(row).Append('\n');
            row.Clear();
        }
        if ((++rows & 1023) == 0) collector.Token.ThrowIfCancellationRequested();
        if (sheet.Length > ChunkChars) collector.Flush(SegmentKind.Cell, location, sheet);
    }
}
