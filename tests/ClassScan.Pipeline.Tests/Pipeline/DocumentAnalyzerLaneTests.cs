using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Scanning;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Pipeline.Tests.Pipeline;

/// <summary>
/// A large document's detectors run two at a time; what the judge stage reports must not tell the difference:
/// the same findings in detector order, the same first failure.
/// </summary>
public sealed class DocumentAnalyzerLaneTests
{
    private static readonly SourceItem Item = new("a.txt", "a.txt", null, null);

    private static ExtractedText TextOf(int chars) =>
        new([new TextSegment(SegmentKind.Body, "brödtext", new string('a', chars - 10) + " slut text")]);

    private static List<Finding> Judge(IReadOnlyList<IDetector> detectors, ExtractedText text, out ScanResult result)
    {
        var seen = new List<Finding>();
        var analyzer = new DocumentAnalyzer(new ScriptedExtractor(), detectors, new ClassScan.Policy.KlassaRuleEngine());
        result = analyzer.Judge(Item, text, "scripted", CancellationToken.None, (_, findings) => seen.AddRange(findings));
        return seen;
    }

    [Theory]
    [InlineData(DocumentAnalyzer.TwoLaneChars - 1)]
    [InlineData(DocumentAnalyzer.TwoLaneChars)]
    [InlineData(DocumentAnalyzer.TwoLaneChars * 3)]
    public void Judge_AnySize_FindingsInDetectorOrder(int chars)
    {
        IDetector[] detectors = [new Counting("d1", 3), new Counting("d2", 1), new Counting("d3", 0), new Counting("d4", 2), new Counting("d5", 4)];

        var findings = Judge(detectors, TextOf(chars), out var result);

        Assert.Equal(ScanStatus.Ok, result.Status);
        Assert.Equal(["d1", "d1", "d1", "d2", "d4", "d4", "d5", "d5", "d5", "d5"], findings.Select(f => f.DetectorId));
        Assert.Equal([0, 1, 2, 0, 0, 1, 0, 1, 2, 3], findings.Select(f => f.Start));
    }

    [Fact]
    public void Judge_LargeDocument_TwoDetectorsRunAtOnce()
    {
        // Each waits (bounded) until the other has started: one after the other, neither would see the other.
        using var both = new CountdownEvent(2);
        var first = new Rendezvous("r1", both);
        var second = new Rendezvous("r2", both);

        Judge([first, second], TextOf(DocumentAnalyzer.TwoLaneChars), out var result);

        Assert.Equal(ScanStatus.Ok, result.Status);
        Assert.True(first.MetTheOther && second.MetTheOther, "the two detectors of a large document did not run at the same time");
    }

    [Fact]
    public async Task Judge_SecondLargeDocumentWhileOneIsInLanes_RunsInOrder()
    {
        // The first document ("h…") holds the lanes: its first detector waits for the test. The second ("m…"), judged
        // meanwhile by the same analyzer, must run its detectors one after the other: each then waits in vain (2 s)
        // for the other to start.
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        using var both = new CountdownEvent(2);
        var first = new HoldOrMeet("d1", started, release, both, holds: true);
        var second = new HoldOrMeet("d2", started, release, both, holds: false);
        var analyzer = new DocumentAnalyzer(new ScriptedExtractor(), [first, second], new ClassScan.Policy.KlassaRuleEngine());
        var holding = Task.Run(() => analyzer.Judge(Item, TextStarting('h', DocumentAnalyzer.TwoLaneChars), "scripted", CancellationToken.None));
        Assert.True(started.Wait(TimeSpan.FromSeconds(20)));

        var result = analyzer.Judge(Item, TextStarting('m', DocumentAnalyzer.TwoLaneChars), "scripted", CancellationToken.None);
        release.Set();
        await holding;

        Assert.Equal(ScanStatus.Ok, result.Status);
        Assert.False(first.MetTheOther, "a second large document ran in two lanes while the first held them");
    }

    private static ExtractedText TextStarting(char first, int chars) =>
        new([new TextSegment(SegmentKind.Body, "brödtext", first + new string('a', chars - 1))]);

    [Fact]
    public void Judge_SmallDocument_DetectorsRunOnTheCallingThread()
    {
        var a = new Counting("a", 1);
        var b = new Counting("b", 1);

        Judge([a, b], TextOf(1000), out _);

        Assert.Equal(Environment.CurrentManagedThreadId, a.Thread);
        Assert.Equal(Environment.CurrentManagedThreadId, b.Thread);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(DocumentAnalyzer.TwoLaneChars)]
    public void Judge_DetectorsThrow_FirstInListOrderReported(int chars)
    {
        IDetector[] detectors = [new Counting("ok", 1), new Throwing("bad1", new InvalidOperationException()), new Throwing("bad2", new FormatException())];

        Judge(detectors, TextOf(chars), out var result);

        Assert.Equal(ScanStatus.Error, result.Status);
        Assert.Equal("detektorfel bad1: InvalidOperationException", result.StatusDetail);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(DocumentAnalyzer.TwoLaneChars)]
    public void Judge_DetectorCancels_CancellationLeavesUnwrapped(int chars)
    {
        IDetector[] detectors = [new Counting("ok", 1), new Throwing("stop", new OperationCanceledException())];

        var thrown = Record.Exception(() => Judge(detectors, TextOf(chars), out _));

        Assert.IsType<OperationCanceledException>(thrown);
    }

    private sealed class Counting(string id, int hits) : IDetector
    {
        public int Thread { get; private set; }

        public string Id => id;

        public void Detect(ExtractedText text, ICollection<Finding> findings)
        {
            Thread = Environment.CurrentManagedThreadId;
            for (var i = 0; i < hits; i++) findings.Add(new Finding(id, "test", Confidence.Low, 0, i, 1, "*"));
        }
    }

    private sealed class Rendezvous(string id, CountdownEvent both) : IDetector
    {
        public bool MetTheOther { get; private set; }

        public string Id => id;

        public void Detect(ExtractedText text, ICollection<Finding> findings)
        {
            both.Signal();
            MetTheOther = both.Wait(TimeSpan.FromSeconds(20));
        }
    }

    /// <summary>On a text starting "h" the holding one waits for the test; on any other, both meet as <see cref="Rendezvous"/> does.</summary>
    private sealed class HoldOrMeet(string id, ManualResetEventSlim started, ManualResetEventSlim release, CountdownEvent both, bool holds) : IDetector
    {
        public bool MetTheOther { get; private set; }

        public string Id => id;

        public void Detect(ExtractedText text, ICollection<Finding> findings)
        {
            if (text.Segments[0].Text[0] == 'h')
            {
                if (!holds) return;
                started.Set();
                release.Wait(TimeSpan.FromSeconds(30));
                return;
            }
            both.Signal();
            MetTheOther = both.Wait(TimeSpan.FromSeconds(2));
        }
    }

    private sealed class Throwing(string id, Exception error) : IDetector
    {
        public string Id => id;

        public void Detect(ExtractedText text, ICollection<Finding> findings) => throw error;
    }
}
