using ClassScan.Core.Documents;
using ClassScan.Core.Scanning;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Pipeline.Tests.Pipeline;

/// <summary>The OCR side path of the pipeline with a scripted engine: merge, limits, failures, and overtaking.</summary>
public sealed class OcrStageTests
{
    private static ScanOptions Options(int maxPages = 50, double pageSeconds = 30, double fileSeconds = 300, int ocrParallelism = 1, int parallelism = 2) => new()
    {
        Parallelism = parallelism,
        FetchParallelism = parallelism,
        OcrParallelism = ocrParallelism,
        MaxOcrPages = maxPages,
        OcrPageTimeout = TimeSpan.FromSeconds(pageSeconds),
        OcrFileTimeout = TimeSpan.FromSeconds(fileSeconds),
        FileTimeout = TimeSpan.FromSeconds(30),
    };

    private static async Task<(CollectingSink Sink, ScanSummary Summary, ScanProgress Progress)> ScanAsync(
        IEnumerable<(string Name, string Content)> files, IPageRecognizer? ocr, ScanOptions options, string? unavailable = null, CollectingSink? sink = null)
    {
        var progress = new ScanProgress();
        var analyzer = new DocumentAnalyzer(new ScannedPagesExtractor(), [new KeywordDetector()], new ClassScan.Policy.KlassaRuleEngine(), progress);
        sink ??= new CollectingSink();
        var summary = await new ScanPipeline(new InMemorySource(files), analyzer, options, TimeProvider.System, progress, ocr, unavailable)
            .RunAsync(sink, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        return (sink, summary, progress);
    }

    private static Task<PageRecognition> Text(string text) => Task.FromResult(PageRecognition.Read(text));

    [Fact]
    public async Task RunAsync_ScannedPages_ReadByOcrAndEvidenceSaysOcr()
    {
        var ocr = new FakePageRecognizer();

        var (sink, summary, progress) = await ScanAsync([("skanning.pdf", "SCANNED:3")], ocr, Options());

        var r = Assert.Single(sink.Results);
        Assert.True(summary.Complete);
        Assert.Equal(ScanStatus.Ok, r.Status);
        Assert.True(r.MustLeave);
        var pnr = Assert.Single(r.Evidence);
        Assert.Equal(["sida 1 (OCR)", "sida 2 (OCR)", "sida 3 (OCR)"], pnr.Locations);
        Assert.Equal("3 av 3 sidor lästes med OCR", r.StatusDetail);
        Assert.Equal([1, 2, 3], ocr.Calls.Select(c => c.Page).Order());
        Assert.Equal(3, progress.OcrPages);
    }

    [Fact]
    public async Task RunAsync_DownloadWithoutLocalPath_OcrReadsAPrivateCopyThatIsDeletedAfterwards()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        var ocr = new FakePageRecognizer(async (path, _, ct) =>
        {
            seen.Add(await File.ReadAllTextAsync(path, ct));
            return PageRecognition.Read("text");
        });

        var (sink, _, _) = await ScanAsync([("skanning.pdf", "SCANNED:2")], ocr, Options());

        Assert.Equal(ScanStatus.Ok, Assert.Single(sink.Results).Status);
        Assert.True(ocr.FileExistedOnEveryCall);
        Assert.Equal(["SCANNED:2", "SCANNED:2"], seen);
        var copy = ocr.Calls[0].Path;
        Assert.False(File.Exists(copy), "the spooled copy was left behind");
        Assert.False(Directory.Exists(Path.GetDirectoryName(copy)), "the private folder was left behind");
    }

    [Fact]
    public async Task RunAsync_OnePageTimesOut_NotedAndFileNotReportedClean()
    {
        var ocr = new FakePageRecognizer(async (_, page, ct) =>
        {
            if (page == 2) await Task.Delay(Timeout.Infinite, ct);
            return PageRecognition.Read("vanlig text");
        });

        var (sink, _, _) = await ScanAsync([("skanning.pdf", "SCANNED:3")], ocr, Options(pageSeconds: 1));

        var r = Assert.Single(sink.Results);
        Assert.Equal(ScanStatus.NoText, r.Status);
        Assert.Null(r.Classification);
        Assert.Equal("OCR kunde inte läsa sida 2 av 3 (tidsgräns 1 s per sida); det som lästes räcker inte för en bedömning", r.StatusDetail);
        Assert.Equal(3, ocr.Calls.Count); // the page after the slow one is still read
    }

    [Fact]
    public async Task RunAsync_PageUnreadButReadPartMustLeave_StaysFlaggedWithTheNote()
    {
        var ocr = new FakePageRecognizer((_, page, _) => page == 1
            ? Task.FromResult(PageRecognition.Failed("tesseract kod 1"))
            : Text("PNR"));

        var (sink, _, _) = await ScanAsync([("skanning.pdf", "SCANNED:2")], ocr, Options());

        var r = Assert.Single(sink.Results);
        Assert.Equal(ScanStatus.Ok, r.Status);
        Assert.True(r.MustLeave);
        Assert.Contains("OCR kunde inte läsa sida 1 av 2 (tesseract kod 1)", r.StatusDetail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tesseract kod 1", "OCR kunde inte läsa sida 1 av 1 (tesseract kod 1)")]
    [InlineData("bilden kunde inte läsas (tesseract kod 1)", "OCR kunde inte läsa sida 1 av 1 (bilden kunde inte läsas (tesseract kod 1))")]
    public async Task RunAsync_OnlyPageFails_NoTextWithTheCause(string failure, string expected)
    {
        var ocr = new FakePageRecognizer((_, _, _) => Task.FromResult(PageRecognition.Failed(failure)));

        var (sink, _, _) = await ScanAsync([("bild.png", "SCANNED:1")], ocr, Options());

        var r = Assert.Single(sink.Results);
        Assert.Equal(ScanStatus.NoText, r.Status);
        Assert.Equal(expected, r.StatusDetail);
    }

    [Fact]
    public async Task RunAsync_EngineThrows_PageUnreadAndScanContinues()
    {
        var ocr = new FakePageRecognizer((_, _, _) => throw new InvalidOperationException("engine bug"));

        var (sink, summary, _) = await ScanAsync([("skanning.pdf", "SCANNED:1"), ("vanlig.txt", "PNR")], ocr, Options());

        Assert.True(summary.Complete);
        Assert.Equal("OCR kunde inte läsa sida 1 av 1 (OCR-fel (InvalidOperationException))", Assert.Single(sink.Results, r => r.Item.Id == "skanning.pdf").StatusDetail);
        Assert.True(Assert.Single(sink.Results, r => r.Item.Id == "vanlig.txt").MustLeave);
    }

    [Fact]
    public async Task RunAsync_MorePagesThanTheCap_RestListedAsUnread()
    {
        var ocr = new FakePageRecognizer((_, _, _) => Text("vanlig text"));

        var (sink, _, _) = await ScanAsync([("lång.pdf", "SCANNED:5")], ocr, Options(maxPages: 2));

        var r = Assert.Single(sink.Results);
        Assert.Equal(2, ocr.Calls.Count);
        Assert.Equal(ScanStatus.NoText, r.Status);
        Assert.Equal("OCR kunde inte läsa 3 av 5 sidor: sida 3–5 (högst 2 sidor per fil läses med OCR (MaxOcrPages)); det som lästes räcker inte för en bedömning", r.StatusDetail);
    }

    [Fact]
    public async Task RunAsync_FileTimeLimitPasses_PagesNotReachedAreUnread()
    {
        // Page 1 is quick and page 2 hangs until a limit cuts it: only the file limit (1 s, the page limit is 30 s) can,
        // so the outcome does not depend on how fast a loaded machine runs timers.
        var ocr = new FakePageRecognizer(async (_, page, ct) =>
        {
            if (page >= 2) await Task.Delay(Timeout.Infinite, ct);
            return PageRecognition.Read("vanlig text");
        });

        var (sink, _, _) = await ScanAsync([("lång.pdf", "SCANNED:4")], ocr, Options(fileSeconds: 1));

        var r = Assert.Single(sink.Results);
        Assert.Equal(ScanStatus.NoText, r.Status);
        Assert.StartsWith("OCR kunde inte läsa 3 av 4 sidor: sida 2–4 (tidsgräns 1 s för OCR av filen)", r.StatusDetail, StringComparison.Ordinal);
        Assert.Equal(2, ocr.Calls.Count); // page 2 was started and cut by the file limit; 3 and 4 never started
    }

    [Fact]
    public async Task RunAsync_OcrFindsNothing_NoTextSaysSo()
    {
        var ocr = new FakePageRecognizer((_, _, _) => Text("  \n"));

        var (sink, _, _) = await ScanAsync([("tom.pdf", "SCANNED:2")], ocr, Options());

        var r = Assert.Single(sink.Results);
        Assert.Equal(ScanStatus.NoText, r.Status);
        Assert.Equal("OCR hittade ingen text (2 av 2 sidor lästa)", r.StatusDetail);
    }

    [Fact]
    public async Task RunAsync_NoOcrEngine_ScannedFileIsNoTextWithOcrSaknas()
    {
        var (sink, summary, _) = await ScanAsync([("skanning.pdf", "SCANNED:3"), ("vanlig.txt", "text")], null, Options(), "tesseract hittades inte");

        Assert.True(summary.Complete);
        var r = Assert.Single(sink.Results, r => r.Item.Id == "skanning.pdf");
        Assert.Equal(ScanStatus.NoText, r.Status);
        Assert.Equal("OCR saknas (tesseract hittades inte): inget textlager på 3 av 3 sidor (skannad?)", r.StatusDetail);
        Assert.Equal(ScanStatus.Ok, Assert.Single(sink.Results, r => r.Item.Id == "vanlig.txt").Status);
    }

    [Fact]
    public async Task RunAsync_NoOcrEngineButTextLayerOnSomePages_JudgedOnTheText()
    {
        var (sink, _, _) = await ScanAsync([("blandad.pdf", "SCANNED:3:PNR")], null, Options(), "tesseract hittades inte");

        var r = Assert.Single(sink.Results);
        Assert.Equal(ScanStatus.Ok, r.Status);
        Assert.True(r.MustLeave);
    }

    [Fact]
    public async Task RunAsync_SlowScan_OrdinaryFilesOvertakeIt()
    {
        // OCR of the scan waits until every ordinary file has been reported: were they queued behind it, the scan
        // would never finish (the test's time limit).
        const int Ordinary = 40;
        var reported = 0;
        var allReported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ocr = new FakePageRecognizer(async (_, _, ct) =>
        {
            await allReported.Task.WaitAsync(ct);
            return PageRecognition.Read("PNR");
        });
        var sink = new CollectingSink
        {
            OnWrite = r =>
            {
                if (r.Item.Id != "skanning.pdf" && Interlocked.Increment(ref reported) == Ordinary) allReported.TrySetResult();
                return ValueTask.CompletedTask;
            },
        };
        List<(string, string)> files = [("skanning.pdf", "SCANNED:1"), .. Enumerable.Range(0, Ordinary).Select(i => ($"f{i}.txt", "text"))];

        var (_, summary, _) = await ScanAsync(files, ocr, Options(parallelism: 1), sink: sink);

        Assert.True(summary.Complete);
        Assert.Equal(Ordinary + 1, sink.Results.Count);
        Assert.Equal("skanning.pdf", sink.Results.Last().Item.Id);
        Assert.True(sink.Results.Last().MustLeave);
    }

    [Fact]
    public async Task RunAsync_OcrParallelism_BoundsPagesInFlight()
    {
        var ocr = new FakePageRecognizer(async (_, _, ct) =>
        {
            await Task.Delay(100, ct);
            return PageRecognition.Read("text");
        });
        var files = Enumerable.Range(0, 6).Select(i => ($"s{i}.pdf", "SCANNED:2"));

        var (sink, _, _) = await ScanAsync(files, ocr, Options(ocrParallelism: 2, parallelism: 2));

        Assert.Equal(6, sink.Results.Count);
        Assert.Equal(12, ocr.Calls.Count);
        Assert.Equal(2, ocr.MaxInFlight);
    }

    [Fact]
    public void Merge_TextLayerAndOcrPages_InPageOrderWithPagelessSegmentsLast()
    {
        var text = new ExtractedText(
            [
                new TextSegment(SegmentKind.Body, "sida 1", "lager ett"),
                new TextSegment(SegmentKind.Body, "sida 3", "lager tre"),
                new TextSegment(SegmentKind.Metadata, "dokumentegenskaper", "Titel: x"),
            ],
            ["2 av 4 sidor saknar textlager (skannade?)", "formulärfälten kunde inte läsas"], 2, 4)
        { TextlessPages = [2, 4] };
        var outcome = new OcrOutcome(2, 0, [], 4);

        var merged = OcrStage.Merge(text, [(4, "ocr fyra"), (2, "ocr två")], outcome, 1000);

        Assert.Equal(["sida 1", "sida 2 (OCR)", "sida 3", "sida 4 (OCR)", "dokumentegenskaper"], merged.Segments.Select(s => s.Location));
        Assert.Equal(["formulärfälten kunde inte läsas", "2 av 4 sidor lästes med OCR"], merged.Notes);
        Assert.Equal(0, merged.PagesWithoutText);
        Assert.Empty(merged.TextlessPages);
        Assert.False(merged.Truncated);
    }

    [Fact]
    public void Merge_OcrTextPassesTheCharacterLimit_CutAndMarkedTruncated()
    {
        var text = new ExtractedText([new TextSegment(SegmentKind.Body, "sida 1", "12345")], [], 1, 2) { TextlessPages = [2] };

        var merged = OcrStage.Merge(text, [(2, "abcdefghij")], new OcrOutcome(1, 0, [], 2), 8);

        Assert.True(merged.Truncated);
        Assert.Equal("abc", merged.Segments[1].Text);
        Assert.Equal(8, merged.TotalChars);
    }

    [Theory]
    [InlineData(new[] { 4 }, 7, "OCR kunde inte läsa sida 4 av 7 (orsak)")]
    [InlineData(new[] { 2, 3, 4, 7 }, 9, "OCR kunde inte läsa 4 av 9 sidor: sida 2–4, 7 (orsak)")]
    public void UnreadDetail_Pages_NamedAsRanges(int[] pages, int of, string expected)
    {
        var outcome = new OcrOutcome(0, 0, pages.Select(p => (p, "orsak")).ToList(), of);

        Assert.Equal(expected, OcrStage.UnreadDetail(outcome));
    }
}
