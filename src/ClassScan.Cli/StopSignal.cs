using System.Runtime.InteropServices;

namespace ClassScan.Cli;

/// <summary>
/// Two-stage Ctrl+C: the first press stops taking new files and lets files in flight finish; the second
/// abandons them. SIGTERM (systemd stop, <c>timeout</c>, <c>docker stop</c>) abandons at once, because its
/// sender will follow with SIGKILL. Either way the report is still written, marked incomplete, and no
/// half-written temp file is left behind. Once disposed (the run is finishing its report and state) further
/// signals are swallowed until the process exits: a quick second Ctrl+C must not kill it half-way through
/// that, nor turn exit code 3 into 130.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource abort = new();
    private readonly Action<string> tell;
    private readonly PosixSignalRegistration? terminate;
    private int disposed;

    public StopSignal(Action<string> tell)
    {
        this.tell = tell;
        Console.CancelKeyPress += OnCancel;
        // Without this the runtime exits on SIGTERM without finishing the report (and leaves results.csv.*.tmp).
        terminate = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerminate);
    }

    public CancellationToken Stop => stop.Token;
    public CancellationToken Abort => abort.Token;

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true; // keep the process alive long enough to write the report
        if (Volatile.Read(ref disposed) == 1) return;
        if (!stop.IsCancellationRequested)
        {
            tell("Avbryter: tar inga nya filer, gör klart pågående. Tryck Ctrl+C igen för att avbryta direkt.");
            stop.Cancel();
        }
        else
        {
            tell("Avbryter direkt: pågående filer överges; rapporten skrivs, markerad ofullständig.");
            abort.Cancel();
        }
    }

    private void OnTerminate(PosixSignalContext context)
    {
        context.Cancel = true; // the scan ends itself once the report is written
        if (Volatile.Read(ref disposed) == 1) return;
        tell("Avslutas (SIGTERM): pågående filer överges; rapporten skrivs, markerad ofullständig.");
        stop.Cancel();
        abort.Cancel();
    }

    /// <summary>
    /// Stops reacting without unregistering: the handlers stay until the process exits and only swallow the
    /// signal. The token sources are not disposed either, so a signal racing with this cannot hit a disposed one
    /// (they own no timer or wait handle, so there is nothing to release).
    /// </summary>
    public void Dispose() => Volatile.Write(ref disposed, 1);
}
