using System.Diagnostics;
using System.Text;

namespace ClassScan.Ocr;

/// <summary>
/// Runs one external program (pdftoppm, tesseract) without a shell: arguments as a list, so a file name is never
/// parsed as options or commands; stdout read asynchronously and kept up to a bound (the rest is drained and
/// dropped, so a runaway tool can neither fill memory nor block on a full pipe); stderr kept as a short tail for the
/// reason of a failure. On cancellation the whole process tree is killed before the exception leaves, so a time
/// limit leaves nothing running. Thread-safe (no state).
/// </summary>
internal static class ToolProcess
{
    /// <summary>What a finished run gave.</summary>
    internal sealed record Outcome(int ExitCode, string StdOut, bool StdOutTruncated, string StdErrTail);

    private const int StdErrTailChars = 400;

    public static async Task<Outcome> RunAsync(string executable, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment, int maxStdOutChars, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            CreateNoWindow = true,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        if (environment is not null)
        {
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        }

        ct.ThrowIfCancellationRequested();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{Path.GetFileName(executable)} could not be started");
        process.StandardInput.Close(); // nothing to read: a tool that waits for stdin ends at once instead of hanging
        var stdout = ReadBoundedAsync(process.StandardOutput, maxStdOutChars);
        var stderr = ReadBoundedAsync(process.StandardError, StdErrTailChars * 4);
        try
        {
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            // The readers end when the pipes close with the killed process; observe them so nothing is left unawaited.
            Task readers = Task.WhenAll(stdout, stderr);
            await readers.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        var (text, truncated) = await stdout.ConfigureAwait(false);
        var (err, _) = await stderr.ConfigureAwait(false);
        var tail = err.Length <= StdErrTailChars ? err : err[^StdErrTailChars..];
        return new Outcome(process.ExitCode, text, truncated, tail.Trim());
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the cancellation and the kill.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting; nothing left to kill.
        }
    }

    private static async Task<(string Text, bool Truncated)> ReadBoundedAsync(StreamReader reader, int maxChars)
    {
        var sb = new StringBuilder();
        var buffer = new char[8192];
        var truncated = false;
        int n;
        while ((n = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            var room = maxChars - sb.Length;
            if (room <= 0)
            {
                truncated = true;
                continue; // drained, not kept
            }
            sb.Append(buffer, 0, Math.Min(room, n));
            if (n > room) truncated = true;
        }
        return (sb.ToString(), truncated);
    }
}
