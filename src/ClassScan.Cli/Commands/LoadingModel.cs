using ClassScan.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Cli.Commands;

/// <summary>
/// The classifier, loading on a pool thread while the scan takes its lock, opens the state, probes OCR and builds
/// the detectors and report sinks: loading it costs about a third of a second on one core, and before it overlapped
/// nothing. The scan awaits <see cref="Ready"/> before its first file, so a model that cannot be read is still a
/// setup error reported before anything is scanned, and <see cref="Predict"/> never waits.
/// </summary>
internal sealed class LoadingModel : ILevelModel, IDisposable
{
    private readonly Task<(KlassaTextModel? Model, string? Error)> loading;

    public LoadingModel(Func<(KlassaTextModel? Model, string? Error)> load) => loading = Task.Run(load);

    /// <summary>Completes when the model is loaded: null, or the message that says why it could not be.</summary>
    public async Task<string?> Ready() => (await loading.ConfigureAwait(false)).Error;

    public LevelPrediction Predict(ExtractedText text, IReadOnlyList<Finding> findings) =>
        (loading.GetAwaiter().GetResult().Model ?? throw new InvalidOperationException("klassificeraren laddades inte")).Predict(text, findings);

    public void Dispose()
    {
        // A scan that stops before it awaited the model (no lock, a bad state file) still frees it once it is loaded.
        if (loading.IsCompletedSuccessfully) loading.Result.Model?.Dispose();
        else _ = loading.ContinueWith(t => t.Result.Model?.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }
}
