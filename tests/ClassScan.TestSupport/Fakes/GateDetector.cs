using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.TestSupport.Fakes;

/// <summary>
/// A detector with a scripted delay: on text "WAIT" it blocks until <see cref="Release"/> is set (or forever
/// on "HANG-DETECT"), so tests can see which stage works while another one waits.
/// </summary>
public sealed class GateDetector : IDetector
{
    public ManualResetEventSlim Release { get; } = new();
    public string Id => "test.gate";

    public void Detect(ExtractedText text, ICollection<Finding> findings)
    {
        switch (text.Segments[0].Text)
        {
            case "WAIT": Release.Wait(TimeSpan.FromSeconds(20)); break;
            case "HANG-DETECT": Thread.Sleep(Timeout.Infinite); break;
        }
    }
}
