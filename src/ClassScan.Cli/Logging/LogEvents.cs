using Microsoft.Extensions.Logging;

namespace ClassScan.Cli.Logging;

/// <summary>
/// Every message the scanner logs, in one place so it is easy to check that none carries document content:
/// only paths, counts, settings and causes already masked by the pipeline.
/// </summary>
internal static partial class LogEvents
{
    [LoggerMessage(1, LogLevel.Information, "Skanning startar: {Source} → {Out} (parallellism {Parallelism}, tidsgräns {TimeoutSeconds} s, klassificerare {Model}, konfiguration {ConfigFile})")]
    public static partial void ScanStarting(this ILogger logger, string source, string @out, int parallelism, int timeoutSeconds, string model, string configFile);

    [LoggerMessage(2, LogLevel.Warning, "Kunde inte läsa {Path}: {Status} ({Detail})")]
    public static partial void FileNotRead(this ILogger logger, string path, string status, string detail);

    [LoggerMessage(3, LogLevel.Information, "Körning klar: {Files} filer, {MustLeave} måste lämna M365, {NotJudged} ej bedömda, {Errors} läsfel, {Seconds} s, {FilesPerSecond} filer/s, komplett {Complete}")]
    public static partial void RunFinished(this ILogger logger, int files, int mustLeave, int notJudged, int errors, double seconds, double filesPerSecond, bool complete);

    [LoggerMessage(4, LogLevel.Error, "Körningen är OFULLSTÄNDIG: {Reason}")]
    public static partial void RunIncomplete(this ILogger logger, string reason);

    [LoggerMessage(5, LogLevel.Error, "En annan körning använder redan {Folder} ({Holder}); den här körningen avbröts")]
    public static partial void AlreadyRunning(this ILogger logger, string folder, string holder);

    [LoggerMessage(6, LogLevel.Information, "Rapporter skrivna i {Out}: {Files}")]
    public static partial void ReportsWritten(this ILogger logger, string @out, string files);

    [LoggerMessage(7, LogLevel.Warning, "Tog bort {Count} halvskrivna rapportfiler (*.tmp) från en tidigare körning som avbröts hårt")]
    public static partial void LeftoversRemoved(this ILogger logger, int count);

    [LoggerMessage(8, LogLevel.Error, "Tillståndsfilen var skadad ({Reason}); den flyttades till {MovedTo} och en ny skapades. Den här körningen läser alla filer igen")]
    public static partial void StateRecovered(this ILogger logger, string movedTo, string reason);
}
