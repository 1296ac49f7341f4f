using System.Diagnostics;
using System.Globalization;
using System.Text;
using ClassScan.Core.Documents;

namespace ClassScan.Extraction.Isolation;

/// <summary>
/// One extraction worker process serving one document at a time. Killing it is the only reliable way to
/// stop a parser that ignores cancellation, and its death (stack overflow, heap limit) is contained.
/// Not thread-safe: the pool hands it to one caller at a time.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly BinaryWriter writer;
    private readonly BinaryReader reader;
    private readonly StringBuilder stderrTail = new();

    public WorkerProcess(WorkerCommand command)
    {
        var psi = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var a in command.Arguments) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_GCHeapHardLimit"] = "0x" + command.MemoryLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        psi.Environment["DOTNET_TieredPGO"] = "0";
        // A worker JITs PdfPig, the OpenXml SDK and friends once and then runs them for thousands of files:
        // compiling each method once, fully optimised, costs less CPU than quick JIT followed by a tier-1
        // rejit of every hot method (measured: about a quarter of a scan's CPU time went to the JIT).
        // DOTNET_TieredCompilation=1 in the scanner's environment turns tiering back on for both.
        if (Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") is null) psi.Environment["DOTNET_TieredCompilation"] = "0";
        process = Process.Start(psi) ?? throw new InvalidOperationException("worker process did not start");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderrTail)
            {
                stderrTail.AppendLine(e.Data);
                if (stderrTail.Length > 4096) stderrTail.Remove(0, stderrTail.Length - 4096);
            }
        };
        process.BeginErrorReadLine();
        // Buffered: a response is many small fields, each of which would otherwise be a read system call.
        writer = new BinaryWriter(new BufferedStream(process.StandardInput.BaseStream, 64 * 1024));
        reader = new BinaryReader(new BufferedStream(process.StandardOutput.BaseStream, 64 * 1024));
        ProcessId = process.Id;
    }

    public int ProcessId { get; }

    /// <summary>Peak resident set (VmHWM) of the worker so far, in bytes; 0 where /proc is not available.</summary>
    public long PeakResidentBytes() => ProcStatus.ReadKilobytes(ProcessId, "VmHWM:") * 1024;

    /// <summary>Current resident set (VmRSS) of the worker, in bytes; 0 where /proc is not available.</summary>
    public long ResidentBytes() => ProcStatus.ReadKilobytes(ProcessId, "VmRSS:") * 1024;

    /// <summary>Raised once, just before the process is told to end (its /proc entry is still readable).</summary>
    public event Action<WorkerProcess>? Exited;

    /// <summary>False once the process died or was killed; the pool then discards it.</summary>
    public bool Healthy { get; private set; } = true;

    /// <summary>
    /// Has the worker run <paramref name="extractor"/> on the content, sent as <see cref="DocumentContent"/> says
    /// (its path or its bytes). A worker that dies on the file gives <see cref="ExtractionResult.Corrupt"/> with the
    /// cause; cancellation kills it and throws.
    /// </summary>
    public ExtractionResult Extract(string extractor, DocumentContent content, ExtractionLimits limits, CancellationToken ct)
    {
        using var registration = ct.Register(static state => ((WorkerProcess)state!).Kill(), this);
        try
        {
            WorkerProtocol.WriteRequest(writer, extractor, content, limits);
            return WorkerProtocol.ReadResult(reader);
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or ObjectDisposedException)
        {
            Healthy = false;
            ct.ThrowIfCancellationRequested();
            return new ExtractionResult.Corrupt(CrashCause());
        }
    }

    private string CrashCause()
    {
        if (!process.WaitForExit(2000)) Kill();
        string tail;
        lock (stderrTail) tail = stderrTail.ToString();
        if (tail.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
            return "tolkaren kraschade (stack overflow: filen är troligen skadad eller rekursiv)";
        if (tail.Contains("OutOfMemory", StringComparison.OrdinalIgnoreCase) || tail.Contains("GCHeapHardLimit", StringComparison.OrdinalIgnoreCase))
            return "tolkaren nådde minnesgränsen (möjlig dekomprimeringsbomb)";
        var code = process.HasExited ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "?";
        return $"tolkaren kraschade (avslutskod {code})";
    }

    private void Kill()
    {
        Healthy = false;
        try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } catch (System.ComponentModel.Win32Exception) { }
    }

    public void Dispose()
    {
        try
        {
            Exited?.Invoke(this);
            if (Healthy)
            {
                writer.Dispose(); // closing stdin ends the worker's loop
                if (!process.WaitForExit(2000)) Kill();
            }
            else
            {
                Kill();
            }
        }
        catch (IOException) { Kill(); }
        process.Dispose();
    }
}
