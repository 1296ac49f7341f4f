using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Pipeline.Tests.Pipeline;

public sealed class ScanPipelineTests
{
    private static (ScanPipeline Pipeline, ScanProgress Progress) Create(IDocumentSource source, ScanOptions? options = null)
    {
        var progress = new ScanProgress();
        var extractor = new ScriptedExtractor();
        var analyzer = new DocumentAnalyzer(extractor, [new KeywordDetector()], new ClassScan.Policy.KlassaRuleEngine(), progress);
        return (new ScanPipeline(source, analyzer, options ?? new ScanOptions { Parallelism = 2, FetchParallelism = 2 }, TimeProvider.System, progress), progress);
    }

    [Fact]
    public async Task RunAsync_ManyFilesWithTinyBuffers_EveryFileGetsExactlyOneResult()
    {
        var files = Enumerable.Range(0, 2000).Select(i => ($"f{i}.txt", i % 7 == 0 ? "text PNR" : "text")).ToList();
        var source = new InMemorySource(files);
        var (pipeline, progress) = Create(source, new ScanOptions { Parallelism = 3, FetchParallelism = 2, EnumerationBuffer = 4 });
        var sink = new CollectingSink();

        var summary = await pipeline.RunAsync(sink, CancellationToken.None);

        Assert.True(summary.Complete);
        Assert.Equal(2000, sink.Results.Count);
        Assert.Equal(2000, sink.Results.Select(r => r.Item.Id).Distinct().Count());
        Assert.Equal(files.Count(f => f.Item2.Contains("PNR")), sink.Results.Count(r => r.MustLeave));
        Assert.Equal(2000, progress.Completed);
        Assert.Same(summary, sink.Summary);
    }

    [Theory]
    [InlineData("RESULT:encrypted", ScanStatus.Encrypted, "lösenordsskyddad")]
    [InlineData("RESULT:unsupported", ScanStatus.Unsupported, "legacy")]
    [InlineData("RESULT:limit", ScanStatus.Error, "gräns MaxUncompressedBytes: zip bomb")]
    [InlineData("RESULT:corrupt", ScanStatus.Error, "trasig fil: truncated")]
    [InlineData("THROW:crash", ScanStatus.Error, "trasig fil: kunde inte läsas (InvalidOperationException)")]
    [InlineData("BLANK", ScanStatus.NoText, "ingen text i filen")]
    [InlineData("vanlig text", ScanStatus.Ok, null)]
    public async Task RunAsync_ExtractorOutcome_BecomesStatusAndScanContinues(string content, ScanStatus expected, string? detail)
    {
        var source = new InMemorySource([("bad.txt", content), ("good.txt", "PNR")]);
        var sink = new CollectingSink();

        var summary = await Create(source).Pipeline.RunAsync(sink, CancellationToken.None);

        Assert.True(summary.Complete);
        var bad = Assert.Single(sink.Results, r => r.Item.Id == "bad.txt");
        Assert.Equal(expected, bad.Status);
        Assert.Equal(expected == ScanStatus.Ok, bad.Classification is not null);
        Assert.Equal(ScanStatus.Ok, Assert.Single(sink.Results, r => r.Item.Id == "good.txt").Status);
        Assert.Equal(detail, bad.StatusDetail);
    }

    [Fact]
    public async Task RunAsync_ParserMessageQuotesANumber_DetailIsMasked()
    {
        var source = new InMemorySource([("bad.txt", "THROW:crash")]);
        var sink = new CollectingSink();

        await Create(source).Pipeline.RunAsync(sink, CancellationToken.None);

        var detail = Assert.Single(sink.Results).StatusDetail!;
        Assert.DoesNotContain("19121212", detail);
        Assert.DoesNotContain("1212-1212", detail);
    }

    [Fact]
    public async Task RunAsync_UnknownFormat_IsUnsupportedNotDropped()
    {
        var source = new InMemorySource([("image.bin", "xx")]);
        var sink = new CollectingSink();

        await Create(source).Pipeline.RunAsync(sink, CancellationToken.None);

        var r = Assert.Single(sink.Results);
        Assert.Equal(ScanStatus.Unsupported, r.Status);
        Assert.Contains(".bin", r.StatusDetail);
    }

    [Fact]
    public async Task RunAsync_ExtractorHangs_FileTimesOutAndOthersFinish()
    {
        var files = new List<(string, string)> { ("hang.txt", "HANG") };
        files.AddRange(Enumerable.Range(0, 20).Select(i => ($"ok{i}.txt", "text")));
        var source = new InMemorySource(files);
        var sink = new CollectingSink();
        var (pipeline, _) = Create(source, new ScanOptions { Parallelism = 1, FetchParallelism = 1, FileTimeout = TimeSpan.FromMilliseconds(300) });

        var summary = await pipeline.RunAsync(sink, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(summary.Complete);
        Assert.Equal(21, sink.Results.Count);
        var hung = Assert.Single(sink.Results, r => r.Item.Id == "hang.txt");
        Assert.Equal(ScanStatus.Error, hung.Status);
        Assert.Contains("tidsgräns", hung.StatusDetail);
    }

    [Fact]
    public async Task RunAsync_OpenBlocksInTheKernel_FileTimesOutAndOthersFinish()
    {
        // A named pipe nobody writes to, or a share that stopped answering: open() never returns and ignores cancellation.
        var files = new List<(string, string)> { ("pipe.txt", "x") };
        files.AddRange(Enumerable.Range(0, 20).Select(i => ($"ok{i}.txt", "text")));
        var source = new InMemorySource(files) { BlockingOpens = { "pipe.txt" } };
        var sink = new CollectingSink();
        var (pipeline, _) = Create(source, new ScanOptions { Parallelism = 1, FetchParallelism = 1, FetchTimeout = TimeSpan.FromMilliseconds(300) });

        try
        {
            var summary = await pipeline.RunAsync(sink, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.True(summary.Complete);
            Assert.Equal(21, sink.Results.Count);
            var pipe = Assert.Single(sink.Results, r => r.Item.Id == "pipe.txt");
            Assert.Equal(ScanStatus.Error, pipe.Status);
            Assert.Contains("tidsgräns: filen kunde inte öppnas", pipe.StatusDetail);
            Assert.Equal(20, sink.Results.Count(r => r.Status == ScanStatus.Ok));
        }
        finally
        {
            source.Unblock.Set(); // the abandoned open returns; its late stream is disposed by the pipeline
        }
    }

    [Fact]
    public async Task RunAsync_TextLimitReached_JudgedOnThePartReadWhenThatAlreadyMeansLeave()
    {
        // MaxExtractedChars: findings in the part read stand whatever the rest holds; no finding is no verdict.
        var source = new InMemorySource([("stor-lista.csv", "TRUNCATE:text PNR"), ("stor-logg.txt", "TRUNCATE:text utan fynd")]);
        var sink = new CollectingSink();

        await Create(source).Pipeline.RunAsync(sink, CancellationToken.None);

        var list = Assert.Single(sink.Results, r => r.Item.Id == "stor-lista.csv");
        Assert.Equal(ScanStatus.Ok, list.Status);
        Assert.True(list.MustLeave);
        Assert.Contains("MaxExtractedChars", list.StatusDetail);
        var log = Assert.Single(sink.Results, r => r.Item.Id == "stor-logg.txt");
        Assert.Equal(ScanStatus.Error, log.Status);
        Assert.Null(log.Classification);
        Assert.Contains("gräns MaxExtractedChars", log.StatusDetail);
    }

    [Fact]
    public async Task RunAsync_PolicyThrows_FileIsErrorRowAndScanCompletes()
    {
        var files = new List<(string, string)> { ("boom.txt", "BOOM") };
        files.AddRange(Enumerable.Range(0, 20).Select(i => ($"ok{i}.txt", "text")));
        var progress = new ScanProgress();
        var analyzer = new DocumentAnalyzer(new ScriptedExtractor(), [new KeywordDetector()], new ThrowingPolicy(), progress);
        var sink = new CollectingSink();

        var summary = await new ScanPipeline(new InMemorySource(files), analyzer, new ScanOptions { Parallelism = 2, FetchParallelism = 2 }, TimeProvider.System, progress)
            .RunAsync(sink, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(summary.Complete);
        Assert.Equal(21, sink.Results.Count);
        var boom = Assert.Single(sink.Results, r => r.Item.Id == "boom.txt");
        Assert.Equal(ScanStatus.Error, boom.Status);
        Assert.Contains("bedömningen misslyckades", boom.StatusDetail);
    }

    private sealed class ThrowingPolicy : IClassificationPolicy
    {
        private readonly ClassScan.Policy.KlassaRuleEngine rules = new();

        public ClassificationResult Classify(IReadOnlyList<ClassScan.Core.Findings.Finding> findings, ClassScan.Core.Documents.ExtractedText text) =>
            text.Segments[0].Text == "BOOM" ? throw new InvalidOperationException("model file damaged") : rules.Classify(findings, text);
    }

    [Fact]
    public async Task RunAsync_DetectorHangs_FileTimesOutAndOthersFinish()
    {
        var files = new List<(string, string)> { ("slow.txt", "HANG-DETECT") };
        files.AddRange(Enumerable.Range(0, 20).Select(i => ($"ok{i}.txt", "text PNR")));
        var progress = new ScanProgress();
        var analyzer = new DocumentAnalyzer(new ScriptedExtractor(), [new GateDetector(), new KeywordDetector()], new ClassScan.Policy.KlassaRuleEngine(), progress);
        var options = new ScanOptions { Parallelism = 1, FetchParallelism = 1, FileTimeout = TimeSpan.FromMilliseconds(300) };
        var sink = new CollectingSink();

        var summary = await new ScanPipeline(new InMemorySource(files), analyzer, options, TimeProvider.System, progress)
            .RunAsync(sink, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(summary.Complete);
        var slow = Assert.Single(sink.Results, r => r.Item.Id == "slow.txt");
        Assert.Equal(ScanStatus.Error, slow.Status);
        Assert.Contains("tidsgräns: analysen", slow.StatusDetail);
        Assert.Equal(20, sink.Results.Count(r => r.Status == ScanStatus.Ok && r.MustLeave));
    }

    [Fact]
    public async Task RunAsync_ParallelismOne_NextFileIsExtractedWhileThePreviousIsDetected()
    {
        // The first file's detection waits until the second file is being extracted. Were extraction and
        // detection one step per file, the second file could not start and the first would time out.
        var detector = new GateDetector();
        var progress = new ScanProgress();
        var analyzer = new DocumentAnalyzer(new SignallingExtractor(detector.Release), [detector], new ClassScan.Policy.KlassaRuleEngine(), progress);
        var options = new ScanOptions { Parallelism = 1, FetchParallelism = 1, FileTimeout = TimeSpan.FromSeconds(10) };
        var sink = new CollectingSink();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var summary = await new ScanPipeline(new InMemorySource([("a.txt", "WAIT"), ("b.txt", "SIGNAL")]), analyzer, options, TimeProvider.System, progress)
            .RunAsync(sink, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(summary.Complete);
        Assert.All(sink.Results, r => Assert.Equal(ScanStatus.Ok, r.Status));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the stages did not overlap ({clock.Elapsed.TotalSeconds:0.0} s)");
    }

    [Fact]
    public async Task RunAsync_StopRequested_ReportIsCompletedAndMarkedIncomplete()
    {
        var files = Enumerable.Range(0, 5000).Select(i => ($"f{i}.txt", "text")).ToList();
        var source = new InMemorySource(files);
        using var stop = new CancellationTokenSource();
        var sink = new CollectingSink
        {
            OnWrite = r =>
            {
                if (r.Item.Id == "f10.txt") stop.Cancel();
                return ValueTask.CompletedTask;
            },
        };
        var (pipeline, _) = Create(source, new ScanOptions { Parallelism = 2, FetchParallelism = 2, EnumerationBuffer = 8 });

        var summary = await pipeline.RunAsync(sink, stop.Token).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(summary.Complete);
        Assert.NotNull(summary.IncompleteReason);
        Assert.NotNull(sink.Summary);
        Assert.InRange(sink.Results.Count, 11, 4999);
        Assert.Equal(sink.Results.Count, summary.Files);
    }

    [Fact]
    public async Task RunAsync_AbortWhileFileHangs_ReturnsPromptlyMarkedIncomplete()
    {
        var source = new InMemorySource([("hang.txt", "HANG"), ("ok.txt", "text")]);
        using var stop = new CancellationTokenSource();
        using var abort = new CancellationTokenSource();
        var sink = new CollectingSink();
        var (pipeline, _) = Create(source, new ScanOptions { Parallelism = 1, FetchParallelism = 1, FileTimeout = TimeSpan.FromHours(1) });

        var run = pipeline.RunAsync(sink, stop.Token, abort.Token);
        await Task.Delay(300);
        stop.Cancel();
        abort.Cancel();
        var summary = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(summary.Complete);
        Assert.NotNull(sink.Summary);
    }

    [Fact]
    public async Task RunAsync_NonSeekableContent_IsSpooledAndRead()
    {
        var big = new string('a', 100_000) + " PNR";
        var source = new InMemorySource([("big.txt", big), ("small.txt", "PNR")], nonSeekable: true);
        var sink = new CollectingSink();
        var (pipeline, _) = Create(source, new ScanOptions { Parallelism = 2, FetchParallelism = 2, InMemoryBufferBytes = 1024 });

        await pipeline.RunAsync(sink, CancellationToken.None);

        Assert.All(sink.Results, r => Assert.True(r.MustLeave));
        Assert.Equal(big.Length, Assert.Single(sink.Results, r => r.Item.Id == "big.txt").Bytes);
    }

    [Fact]
    public async Task RunAsync_NonSeekableContentSpooledToDisk_LeavesNoTempFile()
    {
        var before = Directory.GetFiles(Path.GetTempPath(), "classscan-*.tmp").ToHashSet();
        var source = new InMemorySource([("a.txt", new string('a', 50_000) + " PNR"), ("b.txt", new string('b', 50_000))], nonSeekable: true);
        var (pipeline, _) = Create(source, new ScanOptions { Parallelism = 2, FetchParallelism = 2, InMemoryBufferBytes = 1024 });

        await pipeline.RunAsync(new CollectingSink(), CancellationToken.None);

        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "classscan-*.tmp").Except(before));
    }

    [Fact]
    public async Task RunAsync_FileOverSizeLimit_IsErrorWithoutBeingOpened()
    {
        var source = new InMemorySource([("huge.txt", new string('x', 5000))]);
        var sink = new CollectingSink();
        var (pipeline, _) = Create(source, new ScanOptions { Limits = Core.Documents.ExtractionLimits.Default with { MaxFileBytes = 1000 } });

        await pipeline.RunAsync(sink, CancellationToken.None);

        var r = Assert.Single(sink.Results);
        Assert.Equal(ScanStatus.Error, r.Status);
        Assert.Contains("MaxFileBytes", r.StatusDetail);
        Assert.Equal(0, source.Opens);
    }

    [Fact]
    public async Task RunAsync_EnumerationErrorItem_BecomesErrorRow()
    {
        var source = new InMemorySource([("a.txt", "x")]);
        source.Extra.Add(new SourceItem("locked", "locked", null, null) { EnumerationError = "mappen kunde inte listas" });
        var sink = new CollectingSink();

        await Create(source).Pipeline.RunAsync(sink, CancellationToken.None);

        Assert.Equal(ScanStatus.Error, Assert.Single(sink.Results, r => r.Item.Id == "locked").Status);
    }

    [Fact]
    public async Task RunAsync_SourceFailsMidway_SummaryIncompleteWithReason()
    {
        var source = new InMemorySource([("a.txt", "x")]) { ThrowAfterListing = new IOException("network gone") };
        var sink = new CollectingSink();

        var summary = await Create(source).Pipeline.RunAsync(sink, CancellationToken.None);

        Assert.False(summary.Complete);
        Assert.Contains("källan", summary.IncompleteReason);
    }

    [Fact]
    public async Task RunAsync_SinkFails_ScanEndsIncompleteInsteadOfHanging()
    {
        var files = Enumerable.Range(0, 500).Select(i => ($"f{i}.txt", "text")).ToList();
        var sink = new CollectingSink { OnWrite = _ => throw new IOException("disk full") };

        var summary = await Create(new InMemorySource(files)).Pipeline.RunAsync(sink, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(summary.Complete);
        Assert.Contains("rapporten", summary.IncompleteReason);
    }

    [Fact]
    public async Task RunAsync_DiskFullMidRun_IncompleteReasonNamesFullFolderWithoutPath()
    {
        var files = Enumerable.Range(0, 50).Select(i => ($"f{i}.txt", "text")).ToList();
        var written = 0;
        var sink = new CollectingSink { OnWrite = _ => ++written > 10 ? throw new IOException("No space left on device : '/srv/ut/results.csv.4711.tmp'", 28) : ValueTask.CompletedTask };

        var summary = await Create(new InMemorySource(files)).Pipeline.RunAsync(sink, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(summary.Complete);
        Assert.Equal("rapporten kunde inte skrivas: utdatamappen är full (No space left on device)", summary.IncompleteReason);
        Assert.Equal(10, sink.Results.Count); // the failing write is not counted, nothing after it is written
    }

    [Fact]
    public async Task RunAsync_SinkFailsAtCompletion_ReturnsIncompleteInsteadOfThrowing()
    {
        var sink = new FailingCompletionSink(new IOException("Read-only file system : '/srv/ut/summary.json.4711.tmp'", 30));

        var summary = await Create(new InMemorySource([("a.txt", "text")])).Pipeline.RunAsync(sink, CancellationToken.None);

        Assert.False(summary.Complete);
        Assert.Equal("rapporten kunde inte skrivas: utdatamappen är skrivskyddad (Read-only file system)", summary.IncompleteReason);
        Assert.Equal(1, summary.Files);
    }

    [Fact]
    public async Task RunAsync_StopThenCompletionFails_BothReasonsKept()
    {
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();
        var sink = new FailingCompletionSink(new IOException("No space left on device", 28));

        var summary = await Create(new InMemorySource([("a.txt", "text")])).Pipeline.RunAsync(sink, stop.Token);

        Assert.False(summary.Complete);
        Assert.Equal("avbruten av användaren; rapporten kunde inte skrivas: utdatamappen är full (No space left on device)", summary.IncompleteReason);
    }

    [Fact]
    public async Task RunAsync_StateWriteFails_ItsOwnReasonUsedAsIs()
    {
        const string Reason = "tillståndet kunde inte sparas: tillståndsfilens mapp är full (SQLite Error 13: 'database or disk is full')";
        var sink = new CollectingSink { OnWrite = _ => throw new OutputWriteException(Reason, new IOException("x")) };

        var summary = await Create(new InMemorySource([("a.txt", "text")])).Pipeline.RunAsync(sink, CancellationToken.None);

        Assert.Equal(Reason, summary.IncompleteReason);
    }

    [Fact]
    public async Task RunAsync_DocumentJudged_ItsTextIsNotHeldWhileTheLaneWaitsForTheNext()
    {
        // The lane's heap trim after a large document can only give back what nothing holds: once a document's
        // result is written, no lane may keep its text reachable (at the text limit, 32 MB of string).
        // The next file's open blocks until the first file's text has been checked, so the lane is waiting then.
        var detector = new RememberingDetector();
        var progress = new ScanProgress();
        var analyzer = new DocumentAnalyzer(new ScriptedExtractor(), [detector], new ClassScan.Policy.KlassaRuleEngine(), progress);
        var source = new InMemorySource([("big.txt", new string('x', 100_000) + " PNR"), ("next.txt", "text")]);
        source.BlockingOpens.Add("next.txt");
        bool? heldWhileWaiting = null;
        var sink = new CollectingSink
        {
            OnWrite = r =>
            {
                if (r.Item.Id == "big.txt")
                {
                    heldWhileWaiting = IsAlive(detector.LastText!);
                    source.Unblock.Set();
                }
                return ValueTask.CompletedTask;
            },
        };
        var options = new ScanOptions { Parallelism = 1, FetchParallelism = 1, FileTimeout = TimeSpan.FromSeconds(10) };

        var summary = await new ScanPipeline(source, analyzer, options, TimeProvider.System, progress)
            .RunAsync(sink, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(summary.Complete);
        Assert.Equal(2, sink.Results.Count);
        Assert.False(heldWhileWaiting, "the judge lane still held the judged document's text");
    }

    private static bool IsAlive(WeakReference<string> text)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return text.TryGetTarget(out _);
    }

    /// <summary>Remembers, weakly, the text of the last document it was given.</summary>
    private sealed class RememberingDetector : IDetector
    {
        public WeakReference<string>? LastText { get; private set; }

        public string Id => "test.remembering";

        public void Detect(ExtractedText text, ICollection<Finding> findings) => LastText = new WeakReference<string>(text.Segments[0].Text);
    }

    private sealed class FailingCompletionSink(Exception failure) : IScanResultSink
    {
        public ValueTask WriteAsync(ScanResult result, CancellationToken ct) => ValueTask.CompletedTask;
        public ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct) => throw failure;
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
