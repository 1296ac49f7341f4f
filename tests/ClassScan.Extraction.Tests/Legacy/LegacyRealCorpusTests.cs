using ClassScan.Core.Documents;
using ClassScan.Extraction.Tests.Corpus;
using ClassScan.TestSupport;

namespace ClassScan.Extraction.Tests.Legacy;

/// <summary>The legacy .doc/.ppt files of ../shared/corpus/real (see its MANIFEST.tsv): read, or a reason a person understands.</summary>
[Trait("Category", "Shared")]
public class LegacyRealCorpusTests
{
    private static readonly string[] Extensions = [".doc", ".dot", ".ppt", ".pps", ".pot"];

    // Every reason a legacy file may end with; each names the format or the damage, never the content.
    private static readonly string[] KnownReasons =
    [
        "password-protected legacy Word document (.doc)",
        "password-protected legacy PowerPoint presentation (.ppt)",
        "password-protected Office document (encrypted OOXML package)",
        "rights-management (IRM/DRM) protected Office document",
        "legacy Excel 97-2003 (.xls)",
        "damaged Word document: ",
        "damaged PowerPoint presentation: ",
        "invalid OLE2 compound file: ",
    ];

    // Files with no text to find: an empty document, one holding only an equation object, a fuzzed one.
    private static readonly HashSet<string> NoText = new(StringComparer.Ordinal)
    {
        "poi__empty.doc", "poi__equation.doc", "poi__clusterfuzz-testcase-minimized-POIHWPFFuzzer-4947285593948160.doc",
    };

    [SharedFact]
    public void Extract_EveryLegacyRealFile_TextOrUnderstoodReason()
    {
        var files = Directory.GetFiles(RealCorpus.Root, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var problems = new List<string>();
        int read = 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var extractor = ExtractionHelper.Select(Path.GetFileName(file), bytes);
            var name = Path.GetFileName(file);
            if (extractor is null)
            {
                problems.Add($"{name}: no reader chosen (would be 'unsupported')");
                continue;
            }
            switch (ExtractionHelper.Result(extractor, bytes))
            {
                case ExtractionResult.Text(var text) when extractor.Name is "cfb" or "legacy-stream":
                    read++;
                    if (text.IsBlank != NoText.Contains(name)) problems.Add($"{name}: {(text.IsBlank ? "no text" : "text where none was expected")}");
                    break;
                case ExtractionResult.Text:
                    break;
                case ExtractionResult.Unsupported u:
                    problems.Add($"{name}: unsupported ({u.Reason})");
                    break;
                case ExtractionResult.Failure f when !KnownReasons.Any(r => f.Reason.StartsWith(r, StringComparison.Ordinal)):
                    problems.Add($"{name}: unexpected reason '{f.Reason}'");
                    break;
                case ExtractionResult.Failure:
                    break;
                case var other:
                    problems.Add($"{name}: {other.GetType().Name}");
                    break;
            }
        }

        Assert.True(files.Count >= 40, $"only {files.Count} legacy files found");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(read >= 25, $"only {read} legacy files read");
    }

    [SharedFact]
    public void Extract_SwedishCourtDoc_TextInTable()
    {
        var text = RealCorpus.Extract("other/ferenda__dv_HDO_B86-05.doc");

        var table = text.OfKind(SegmentKind.Table).First();
        Assert.Equal("tabell 1", table.Location);
        Assert.StartsWith("Högsta domstolen\tNJA 2007 s. 227", table.Text, StringComparison.Ordinal);
        Assert.Contains("smugglingslagen", text.AllText(), StringComparison.Ordinal);
    }

    [SharedFact]
    public void Extract_TikaWordDoc_HeaderAndFooterApart()
    {
        var text = RealCorpus.Extract("other/tika__testWORD.doc");

        Assert.Equal("This is the header for our document", text.OfKind(SegmentKind.Header).Single().Text);
        Assert.Equal("This is the footer for our document", text.OfKind(SegmentKind.Footer).Single().Text);
        Assert.Contains("Sample Word Document", text.OfKind(SegmentKind.Body).First().Text, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Extract_UnicodeHeaderFooterDoc_Decoded()
    {
        var text = RealCorpus.Extract("other/poi__HeaderFooterUnicode.doc");

        Assert.Contains("€ euro", text.OfKind(SegmentKind.Header).Single().Text, StringComparison.Ordinal);
        Assert.Contains("Molière", text.OfKind(SegmentKind.Footer).Single().Text, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Extract_NotesDoc_FootnoteEndnoteComment()
    {
        var text = RealCorpus.Extract("other/poi__footnote.doc");

        Assert.Equal("TestFootnote", text.OfKind(SegmentKind.Footnote).Single().Text.Trim());
        Assert.Equal("TestEndnote", text.OfKind(SegmentKind.Endnote).Single().Text.Trim());
        Assert.Equal("TestComment", text.OfKind(SegmentKind.Comment).Single().Text);
    }

    [SharedFact]
    public void Extract_SimpleTableDoc_CellsAndRows()
    {
        var table = RealCorpus.Extract("other/poi__simple-table.doc").OfKind(SegmentKind.Table).Single();

        Assert.Equal("Cell 1,1\tCell 1,2\tCell 1,3\nCell 2,1\tCell 2,2\tCell 2,3", table.Text);
    }

    [SharedFact]
    public void Extract_DoclingPpt_NotesPerSlide()
    {
        var text = RealCorpus.Extract("other/docling__legacy_sample.ppt");

        Assert.Equal("Some notes on the second slide.", text.OfKind(SegmentKind.Notes).Single(s => s.Location == "bild 2 anteckningar").Text);
        Assert.StartsWith("Second slide title", text.Segments.Single(s => s.Location == "bild 2").Text, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Extract_PptWithComment_CommentSegment()
    {
        var text = RealCorpus.Extract("other/tika__testPPT_comment.ppt");

        Assert.Contains("add some content", text.OfKind(SegmentKind.Comment).Single(s => s.Location == "bild 1 kommentar").Text, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Extract_SwedishWord95Protocol_Read()
    {
        var text = RealCorpus.Extract("other/ferenda__forarbete-legacy_proptrips_word95.doc");

        Assert.StartsWith("Utdrag ur protokoll\nvid regeringssammanträde den 6 april 1998", text.OfKind(SegmentKind.Body).First().Text, StringComparison.Ordinal);
        Assert.Equal("Titel: Utdrag ur protokoll", text.OfKind(SegmentKind.Metadata).Single().Text);
    }

    [SharedTheory]
    [InlineData("other/poi__Word6.doc", "The quick brown fox jumps over the lazy dog")]
    [InlineData("other/poi__Word95.doc", "The quick brown fox jumps over the lazy dog\n\nParagraph 2")]
    [InlineData("other/ferenda__proptrips_2002-03_84_index.doc", "Regeringens proposition \n2002/03:84")]
    public void Extract_Word6Or95_BodyText(string file, string start)
    {
        Assert.StartsWith(start, RealCorpus.Extract(file).OfKind(SegmentKind.Body).First().Text, StringComparison.Ordinal);
    }
}
