using ClassScan.Core.Documents;

namespace ClassScan.Extraction.Internal;

/// <summary>
/// Ends an extraction from deep inside a parse with its result: a guard stream the zip library reads from, a
/// segment collector a walker adds to, a check three calls down. Those are called by library code or by
/// recursive walkers that have no way to hand back a value, so the result unwinds as this exception to the
/// extractor's own <see cref="Run"/>, which returns it. Never leaves this assembly: every public extractor's
/// <c>Extract</c> goes through <see cref="Run"/>.
/// </summary>
internal sealed class ExtractionStop(ExtractionResult result) : Exception("extraction stopped with its result")
{
    public ExtractionResult Result { get; } = result;

    public static ExtractionStop Corrupt(string reason) => new(new ExtractionResult.Corrupt(reason));

    public static ExtractionStop Encrypted(string reason) => new(new ExtractionResult.Encrypted(reason));

    public static ExtractionStop Unsupported(string reason) => new(new ExtractionResult.Unsupported(reason));

    public static ExtractionStop Limit(string limitName, string reason) => new(new ExtractionResult.LimitReached(limitName, reason));

    /// <summary>Runs an extraction body; a stop anywhere below becomes the returned result.</summary>
    public static ExtractionResult Run(Func<ExtractionResult> body)
    {
        try
        {
            return body();
        }
        catch (ExtractionStop stop)
        {
            return stop.Result;
        }
    }

    /// <summary>
    /// Whether <paramref name="ex"/> is a library's own failure (mapped to a corrupt file) rather than one of ours
    /// travelling up, a cancellation, or memory running out (both must keep unwinding).
    /// </summary>
    public static bool IsLibraryFailure(Exception ex) => ex is not (OperationCanceledException or ExtractionStop or OutOfMemoryException);
}
