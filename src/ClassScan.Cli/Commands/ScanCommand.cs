using System.CommandLine;
using System.Diagnostics;
using ClassScan.Cli.Configuration;
using ClassScan.Cli.Logging;
using ClassScan.Core.Documents;
using ClassScan.Core.Scanning;
using ClassScan.Pipeline;
using ClassScan.Reporting;
using ClassScan.Sources.FileSystem;

namespace ClassScan.Cli.Commands;

/// <summary><c>classscan scan [PATH]</c>: scan a folder and write the CSV reports.</summary>
internal static class ScanCommand
{
    public const string DefaultSamples = "tests/samples";

    public static Command Create() => Create(new ScanArguments());

    internal static Command Create(ScanArguments arguments)
    {
        var command = new Command("scan", "Scan a folder: extract every document's text, find personnummer and other evidence, assign a KLASSA level and write the reports " +
            "(CSVs, forvaltningar/<namn>.csv per department, rapport.html). Settings come from --config FILE / appsettings.json, CLASSSCAN_* environment variables and these options, " +
            "later winning; an option left out keeps the configured value. " +
            "Exit codes: 0 nothing must leave M365, 1 files must leave, 2 usage or configuration error, 3 incomplete (also when the output folder fills or turns read-only: last night's reports are then kept), 4 another run holds the output folder, 5 complete but the damaged state file was moved aside and rebuilt (every file read again).");
        arguments.AddTo(command);

        command.SetAction(async (parse, _) =>
        {
            var config = arguments.Load(parse);
            if (!config.IsValid)
            {
                ConfigurationLoader.Report(config, Console.Error);
                return ExitCodes.UsageError;
            }
            var settings = config.Settings;

            var root = settings.Scan.Path ?? DefaultSamples;
            var fromGraph = settings.Scan.Source == "graph";
            if (!fromGraph && !Directory.Exists(root) && !File.Exists(root))
            {
                Console.Error.WriteLine($"classscan: hittar inte '{root}' (mapp eller fil att skanna).");
                return ExitCodes.UsageError;
            }
            var options = settings.Scan.ToScanOptions();
            var (modelPath, error) = ModelOptions.Locate(settings.Scan.Model, settings.Scan.NoModel);
            if (error is not null)
            {
                Console.Error.WriteLine("classscan: " + error);
                return ExitCodes.UsageError;
            }
            using var classifier = modelPath is null ? null : new LoadingModel(() => ModelOptions.LoadFrom(modelPath));
            // The state makes later nights read only what changed (and writes changes.csv); Graph cannot run without it (delta links).
            var (state, stateError, stateExit) = StateComposition.Open(parse, settings.Scan.StatePath, fromGraph ? "graph" : "local", fromGraph ? "graph" : Path.GetFullPath(root));
            using var stateScope = state;
            if (stateError is not null || (fromGraph && state is null))
            {
                Console.Error.WriteLine("classscan: " + (stateError ?? "--source graph behöver tillståndet (delta-länkar); ta bort --no-state"));
                return stateError is null ? ExitCodes.UsageError : stateExit;
            }
            if (fromGraph)
            {
                // Drives are leased work units; on a PostgreSQL state they and the Graph budget are shared with the other nodes.
                using var work = await WorkComposition.CreateAsync(settings.Graph, StateLocation.Parse(settings.Scan.StatePath), CancellationToken.None).ConfigureAwait(false);
                var (graphSource, connection, graphError) = GraphOptions.Create(settings.Graph, state!.Run, work);
                using var graphScope = connection;
                if (graphError is not null)
                {
                    Console.Error.WriteLine("classscan: " + graphError);
                    return ExitCodes.UsageError;
                }
                return await RunAsync(graphSource!, settings.Scan.Out, options with { FetchParallelism = settings.Graph.Concurrency },
                    !settings.Scan.InProcess, classifier, settings, state).ConfigureAwait(false);
            }
            Core.Scanning.IDocumentSource source = new LocalFolderSource(root, settings.Scan.Include, settings.Scan.Exclude);
            if (state is not null) source = state.Local(source, root);
            return await RunAsync(source, settings.Scan.Out, options, !settings.Scan.InProcess, classifier, settings, state).ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> RunAsync(Core.Scanning.IDocumentSource source, string outDir, ScanOptions options, bool isolate, Classification.ILevelModel? model, ClassScanSettings? settings = null, StateComposition? state = null)
    {
        // One run per output folder: a timer firing while last night's run still goes must not overlap it.
        RunLock? runLock;
        string holder;
        try
        {
            runLock = RunLock.TryAcquire(outDir, out holder);
        }
        catch (Exception ex) when (OutputWriteException.IsOutputFailure(ex))
        {
            // Read-only, full or forbidden before anything was scanned: last night's reports are untouched.
            Console.Error.WriteLine($"classscan: utmappen {Path.GetFullPath(outDir)} kan inte skrivas: {OutputWriteException.Describe(ex)}. " +
                "Inget skannades; förra körningens rapporter är kvar oförändrade. 'classscan doctor' kontrollerar utmappen.");
            return ExitCodes.Incomplete;
        }
        using var lockScope = runLock;
        if (runLock is null)
        {
            Console.Error.WriteLine($"classscan: en annan körning använder redan utmappen {Path.GetFullPath(outDir)} ({holder}). Den här körningen avbröts; försök igen när den är klar.");
            return ExitCodes.AlreadyRunning;
        }
        var leftovers = runLock.RemoveLeftovers();
        var time = TimeProvider.System;
        var names = ScanComposition.CreateNameRedactor(time);
        // Ids stay the same from night to night when the state keeps their key; without state they hold for this run only.
        var redaction = new ReportRedaction(names, state?.Run.Store.ReportIds ?? Core.Privacy.ReportIdentity.Ephemeral());
        using var logging = ScanLogging.Create(outDir, settings?.Log ?? new LogSettings(), names);
        var log = logging.CreateLogger("ClassScan.Scan");
        if (leftovers > 0) log.LeftoversRemoved(leftovers);
        var recovered = state?.Recovery is { } r ? new StateRecoveredNote(r.MovedTo, r.Reason) : null;
        if (recovered is not null)
        {
            log.StateRecovered(recovered.MovedTo, recovered.Reason);
            Console.Error.WriteLine($"classscan: VARNING: tillståndsfilen var skadad ({recovered.Reason}). Den flyttades till {recovered.MovedTo} och en ny skapades; " +
                "den här körningen läser alla filer igen.");
        }
        log.ScanStarting(settings?.Scan.Path ?? source.GetType().Name, Path.GetFullPath(outDir), options.Parallelism, (int)options.FileTimeout.TotalSeconds,
            model is null ? "ingen (bara regler)" : settings?.Scan.Model ?? "models/klassa.zip", settings?.SourceFile ?? "ingen");

        // Fire and forget: the judge stage waits for whatever is not loaded yet, and Warm never throws.
        _ = ScanComposition.WarmLanguageIdentifier();
        var progress = new ScanProgress();
        var ocrSettings = settings?.Scan.Ocr ?? new OcrSettings();
        // The OCR probe mostly waits for two short tesseract runs: it runs while the detectors load their lexicons.
        var ocrProbe = Task.Run(() => ScanComposition.CreateOcrAsync(ocrSettings, CancellationToken.None));
        var (analyzer, workers) = ScanComposition.CreateAnalyzer(time, progress, isolate, model);
        using var workerPool = workers;
        var (ocr, ocrUnavailable, ocrStatus) = await ocrProbe.ConfigureAwait(false);
        if (ocr is null && !ocrSettings.Off)
            Console.Error.WriteLine($"classscan: OCR {ocrStatus}. Skannade filer och bilder listas i review.csv med \"OCR saknas\".");
        // Before the first file and before any report is opened: a model that cannot be read stops the scan as a setup error.
        if (model is LoadingModel loading && await loading.Ready().ConfigureAwait(false) is { } modelError)
        {
            Console.Error.WriteLine("classscan: " + modelError);
            return ExitCodes.UsageError;
        }
        var pipeline = new ScanPipeline(source, analyzer, options, time, progress, ocr, ocrUnavailable);
        using var signal = new StopSignal(msg => Console.Error.WriteLine(msg));
        var clock = Stopwatch.StartNew();
        // Disposed after the sink (declared before it): deletes the temp files of reports that were never put in place.
        using var batch = new ReportBatch();
        IScanResultSink created;
        try
        {
            created = ReportComposition.Create(outDir, batch, settings, log, redaction, health: state is null ? null : () => ReportComposition.StateHealth(state.Run.Counters),
                stateRecovered: recovered, changes: state is null ? null : () => state.Changes);
        }
        catch (Exception ex) when (OutputWriteException.IsOutputFailure(ex))
        {
            // The CSV and jsonl sinks open their temp files at once: a folder that fills or turns read-only right
            // after the lock was taken fails here, before anything is scanned.
            var why = "rapporten kunde inte skrivas: " + OutputWriteException.Describe(ex);
            log.RunIncomplete(why);
            Console.WriteLine($"OFULLSTÄNDIG: inget skannades. Skannen avbröts: {why}. Förra körningens rapporter i {Path.GetFullPath(outDir)} är kvar oförändrade.");
            return ExitCodes.Incomplete;
        }
        await using var sink = created;
        // An incremental run reads only changed files; the reports must still show every file judged earlier.
        var reports = state is null ? sink : state.Wrap(new CarryOverSink(sink, () => state.Run.Store.GetCarriedResults(State.ScopeSet.Of(state.Run.Scopes), state.Run.Id)), outDir, redaction, batch);
        var summary = await ConsoleProgress.RunAsync(progress, () => pipeline.RunAsync(reports, signal.Stop, signal.Abort)).ConfigureAwait(false);

        var seconds = Math.Max(0.001, clock.Elapsed.TotalSeconds);
        var notJudged = summary.Files - summary.ByStatus.GetValueOrDefault("ok");
        Console.WriteLine(
            $"{(summary.Complete ? "Klar" : "OFULLSTÄNDIG")}: {summary.Files} filer ({summary.Bytes / 1048576.0:0.0} MB) på {seconds:0.0} s " +
            $"({summary.Files / seconds:0.0} filer/s, {summary.Bytes / 1048576.0 / seconds:0.0} MB/s). " +
            $"Måste lämna M365 (nivå 2–3): {summary.MustLeave}. Kunde inte bedömas: {notJudged}.");
        if (progress.OcrPages > 0)
            Console.WriteLine($"OCR: {progress.OcrPages} sidor på {progress.OcrTime.TotalSeconds:0.0} s OCR-tid ({progress.OcrPages / Math.Max(0.001, progress.OcrTime.TotalSeconds):0.00} sidor/s per OCR-arbetare).");
        if (!summary.Complete) Console.WriteLine($"Skannen avbröts: {summary.IncompleteReason}." + (batch.Committed ? " Rapporten gäller bara filerna som hann läsas." : ""));
        if (batch.Committed)
        {
            Console.WriteLine($"Rapport: {Path.Combine(outDir, "results.csv")} (flaggade: flagged.csv, att granska: review.csv)");
            Console.WriteLine($"Översikt: {Path.Combine(outDir, "rapport.html")}; per förvaltning: {Path.Combine(outDir, "forvaltningar")}");
            state?.Print(Console.Out, outDir);
        }
        else
        {
            // The batch was never committed: nothing of tonight's run replaced a file, so say where last night's are.
            Console.WriteLine($"Inga rapporter skrevs: förra körningens rapporter i {Path.GetFullPath(outDir)} är kvar oförändrade. " +
                "Frigör utrymme eller ge skrivrätt och kör igen ('classscan doctor' kontrollerar utmappen).");
        }
        log.RunFinished(summary.Files, summary.MustLeave, notJudged, summary.ByStatus.GetValueOrDefault("error"), Math.Round(seconds, 1), Math.Round(summary.Files / seconds, 1), summary.Complete);
        if (!summary.Complete) log.RunIncomplete(summary.IncompleteReason ?? "okänd orsak");
        if (!summary.Complete) return ExitCodes.Incomplete;
        // With state, files judged earlier and unchanged still have to leave: count what is flagged now.
        var mustLeave = state?.FlaggedNow() ?? summary.MustLeave;
        // A rebuilt state outranks 0/1 (a person should look at the damaged file) but not "incomplete".
        return recovered is not null ? ExitCodes.StateRebuilt : mustLeave > 0 ? ExitCodes.FilesMustLeave : ExitCodes.NothingToMove;
    }
}
