using ClassScan.Core.Documents;

namespace ClassScan.TestSupport.Fakes;

/// <summary>
/// An OCR engine scripted per call: <c>read(path, page, ct)</c> gives the page's outcome (text, a failure, or a wait
/// that honours the token, like a tesseract that is killed at the time limit). Records every call and the most
/// calls in flight at once; checks that the file it is given exists while it reads it.
/// </summary>
public sealed class FakePageRecognizer(Func<string, int, CancellationToken, Task<PageRecognition>> read) : IPageRecognizer
{
    private readonly List<(string Path, int Page)> calls = [];
    private int inFlight;
    private int maxInFlight;

    /// <summary>Gives "PNR på sida N" for every page.</summary>
    public FakePageRecognizer() : this((_, page, _) => Task.FromResult(PageRecognition.Read($"PNR på sida {page}")))
    {
    }

    public IReadOnlyList<(string Path, int Page)> Calls
    {
        get
        {
            lock (calls) return calls.ToList();
        }
    }

    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>Whether the file existed when each call began (a spooled copy must be there while OCR reads it).</summary>
    public bool FileExistedOnEveryCall { get; private set; } = true;

    public async Task<PageRecognition> RecognizeAsync(string localPath, int page, CancellationToken ct)
    {
        lock (calls) calls.Add((localPath, page));
        if (!File.Exists(localPath)) FileExistedOnEveryCall = false;
        var now = Interlocked.Increment(ref inFlight);
        int seen;
        while ((seen = Volatile.Read(ref maxInFlight)) < now && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen) { }
        try
        {
            return await read(localPath, page, ct).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
