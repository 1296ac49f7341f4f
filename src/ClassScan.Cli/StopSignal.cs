namespace ClassScan.Cli;

/// <summary>
/// Two-stage Ctrl+C: the first press stops taking new files and lets files in flight finish; the second
/// abandons them. Either way the report is still written, marked incomplete.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource abort = new();
    private readonly Action<string> tell;

    public StopSignal(Action<string> tell)
    {
        this.tell = tell;
        Console.CancelKeyPress += OnCancel;
    }

    public CancellationToken Stop => stop.Token;
    public CancellationToken Abort => abort.Token;

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true; // keep the process alive long enough to write the report
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

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        stop.Dispose();
        abort.Dispose();
    }
}
