using System.Runtime.CompilerServices;
using ClassScan.Core.Documents;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Tests.Text;

public sealed class SharedSegmentsTests
{
    private static ExtractedText Text(params string[] segments) =>
        new([.. segments.Select(s => new TextSegment(SegmentKind.Body, "stycke", s))]);

    [Fact]
    public void For_SameDocumentAndSegment_SharesOneContext()
    {
        var text = Text("Patienten Elsa Berg har diabetes.", "Andra stycket.");

        var first = SharedSegments.For(text, 0, text.Segments[0].Text);

        Assert.Same(first, SharedSegments.For(text, 0, text.Segments[0].Text));
        Assert.NotSame(first, SharedSegments.For(text, 1, text.Segments[1].Text));
    }

    [Fact]
    public void For_AnotherDocumentWithEqualText_GetsItsOwnContext()
    {
        var a = Text("Samma text i två dokument.");
        var b = Text("Samma text i två dokument.");

        Assert.NotSame(SharedSegments.For(a, 0, a.Segments[0].Text), SharedSegments.For(b, 0, b.Segments[0].Text));
    }

    [Fact]
    public void For_DocumentNoLongerReferenced_ItsContextsAreCollected()
    {
        // A judge thread must not keep the last document's lowered copy and word index alive after its judge: for a
        // document at the text limit that is some 100 MB held on a pool thread that may not judge again for seconds.
        var context = JudgeOnce();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(context.TryGetTarget(out _));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<SegmentContext> JudgeOnce()
    {
        var text = Text(new string('x', 10_000) + " Elsa Berg har diabetes.");
        var context = SharedSegments.For(text, 0, text.Segments[0].Text);
        _ = context.Sentences; // the lazily built sentence index, as a detector reads it
        return new WeakReference<SegmentContext>(context);
    }
}
