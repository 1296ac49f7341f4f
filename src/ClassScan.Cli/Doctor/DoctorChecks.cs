using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ClassScan.Cli.Commands;
using ClassScan.Cli.Configuration;
using ClassScan.Core.Documents;
using ClassScan.Extraction;
using ClassScan.Extraction.Isolation;
using ClassScan.State;
using ClassScan.State.Sqlite;
using Microsoft.Extensions.Configuration;

namespace ClassScan.Cli.Doctor;

/// <summary>
/// The checks behind <c>classscan doctor</c>: configuration, scan folder, model, output folder, state database,
/// extraction worker and Graph sign-in settings. Each says what to fix. None touches the network: Graph settings
/// are checked for completeness only, because a doctor that hangs on a firewall helps nobody at 01:30.
/// </summary>
public static class DoctorChecks
{
    /// <summary>Runs every check. The state checked is the scan's own (<see cref="ScanSettings.StatePath"/>: --state, Scan:State, else OUT/classscan-state.db).</summary>
    public static async Task<IReadOnlyList<DoctorCheck>> RunAsync(LoadedConfiguration config, TimeSpan workerTimeout, CancellationToken ct)
    {
        var checks = new List<DoctorCheck>();
        checks.AddRange(Configuration(config));
        var s = config.Settings;
        checks.Add(ScanPath(s.Scan));
        checks.Add(Model(s.Scan));
        checks.Add(OutputFolder(s.Scan.Out));
        checks.Add(StateDatabase(s.Scan.StatePath));
        checks.Add(await WorkerAsync(workerTimeout, ct).ConfigureAwait(false));
        checks.Add(await OcrAsync(s.Scan.Ocr, ct).ConfigureAwait(false));
        checks.Add(Graph(config.Root));
        return checks;
    }

    public static IEnumerable<DoctorCheck> Configuration(LoadedConfiguration config)
    {
        var where = config.File ?? "ingen fil (standardvärden och miljövariabler)";
        if (config.IsValid)
        {
            yield return new("Konfiguration", DoctorOutcome.Ok,
                $"{where}; {config.Settings.Departments.Count} förvaltningar i Departments");
            yield break;
        }
        foreach (var e in config.Errors)
        {
            var fix = e.Key.StartsWith('-') || e.Key.StartsWith(ConfigurationLoader.EnvironmentPrefix, StringComparison.Ordinal)
                ? "Ange en befintlig fil, eller skapa en med 'classscan init'."
                : $"Ändra {e.Key} i {config.File ?? "konfigurationsfilen"}" + (e.EnvironmentName.Length > 0 ? $" (eller miljövariabeln {e.EnvironmentName})." : ".");
            yield return new($"Konfiguration {e.Key}", DoctorOutcome.Failed, e.Problem, fix);
        }
    }

    public static DoctorCheck ScanPath(ScanSettings scan)
    {
        if (string.IsNullOrWhiteSpace(scan.Path))
            return new("Skanningsmapp", DoctorOutcome.Warning, "Scan:Path är inte satt: 'scan' måste då få mappen på kommandoraden.",
                "Sätt Scan:Path till mappen som ska skannas (för schemalagd körning).");
        if (File.Exists(scan.Path)) return new("Skanningsmapp", DoctorOutcome.Ok, $"{scan.Path} (en fil)");
        if (!Directory.Exists(scan.Path))
            return new("Skanningsmapp", DoctorOutcome.Failed, $"{scan.Path} finns inte.", "Ändra Scan:Path, eller montera sharen innan skanningen (systemd: RequiresMountsFor=).");
        try
        {
            using var e = Directory.EnumerateFileSystemEntries(scan.Path).GetEnumerator();
            var any = e.MoveNext();
            return new("Skanningsmapp", any ? DoctorOutcome.Ok : DoctorOutcome.Warning, any ? $"{scan.Path} kan läsas" : $"{scan.Path} är tom",
                any ? null : "Kontrollera att rätt share är monterad.");
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return new("Skanningsmapp", DoctorOutcome.Failed, $"{scan.Path} kan inte läsas ({ex.GetType().Name}).", "Ge tjänstekontot läsrätt till mappen.");
        }
    }

    public static DoctorCheck Model(ScanSettings scan)
    {
        if (scan.NoModel) return new("Klassificerare", DoctorOutcome.Skipped, "Scan:NoModel=true: bara regler används.");
        var path = scan.Model is { Length: > 0 } m ? m : ScanComposition.DefaultModelPath;
        if (!File.Exists(path))
            return new("Klassificerare", DoctorOutcome.Failed, $"{path} saknas.",
                scan.Model is { Length: > 0 } ? "Ändra Scan:Model till modellfilen, eller sätt Scan:NoModel=true." : "Installera om ClassScan (models/klassa.zip följer med programmet), eller sätt Scan:Model.");
        try
        {
            using var model = ScanComposition.LoadModel(path);
            return new("Klassificerare", DoctorOutcome.Ok, $"{path} laddad");
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException or InvalidDataException or ArgumentException)
        {
            return new("Klassificerare", DoctorOutcome.Failed, $"{path} kunde inte läsas ({ex.GetType().Name}).", "Filen är skadad eller från en annan version: installera om eller träna om ('classscan train').");
        }
    }

    /// <summary>Below this much free space a scan cannot write even a small report: doctor fails.</summary>
    public const long MinimumFreeBytes = 1L << 20;

    /// <summary>Below this much free space (or three times last night's reports, if more) doctor warns.</summary>
    public const long WarnFreeBytes = 1L << 30;

    /// <summary>
    /// The output folder: exists or can be created, takes a file (a probe is created and deleted: permissions,
    /// read-only mounts and quotas only show when writing), and has room. Tonight's reports are staged beside last
    /// night's until all are written, so a run needs free space for a whole second set: less than last night's
    /// reports (or <see cref="MinimumFreeBytes"/>) fails, less than <see cref="WarnFreeBytes"/> or three sets warns.
    /// A folder doctor had to create is removed again: doctor changes nothing.
    /// </summary>
    /// <param name="freeSpace">Free bytes for the folder (default: <see cref="DriveInfo.AvailableFreeSpace"/>, statvfs on
    /// Linux); null when unknown. A test seam.</param>
    public static DoctorCheck OutputFolder(string outDir, Func<string, long?>? freeSpace = null)
    {
        const string Name = "Utmapp";
        var full = Path.GetFullPath(outDir);
        var fix = "Ge tjänstekontot skrivrätt (t.ex. chown classscan " + full + "), ändra Scan:Out, och under systemd: lägg mappen i ReadWritePaths=.";
        // The topmost missing folder, so that what doctor creates it can also remove.
        string? created = null;
        for (var d = full; d is not null && !Directory.Exists(d); d = Path.GetDirectoryName(d)) created = d;
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".doctor.{Environment.ProcessId}.tmp");
            try
            {
                File.WriteAllText(probe, "ok");
            }
            finally
            {
                File.Delete(probe);
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            var why = Core.Scanning.OutputWriteException.Describe(ex);
            return Core.Scanning.OutputWriteException.IsDiskFull(ex)
                ? new(Name, DoctorOutcome.Failed, $"{full} tar inte emot filer: {why}.", "Frigör utrymme på disken, eller ändra Scan:Out till en disk med plats.")
                : new(Name, DoctorOutcome.Failed, $"{full} är inte skrivbar ({ex.GetType().Name}: {why}).", fix);
        }
        finally
        {
            if (created is not null) TryRemove(full, created);
        }
        var existed = created is null;
        var where = existed ? $"{full} är skrivbar" : $"{full} finns inte än men kan skapas";
        if (existed)
        {
            try
            {
                using var runLock = RunLock.TryAcquire(full, out var holder);
                if (runLock is null)
                    return new(Name, DoctorOutcome.Warning, $"{where}, men en körning pågår just nu ({holder}).", "Vänta tills den är klar; en ny körning får annars avslutskod 4.");
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                return new(Name, DoctorOutcome.Failed, $"{full}: låsfilen {RunLock.FileName} kan inte skrivas ({Core.Scanning.OutputWriteException.Describe(ex)}).", fix);
            }
        }

        long? free;
        try
        {
            free = (freeSpace ?? (dir => new DriveInfo(dir).AvailableFreeSpace))(existed ? full : ExistingAncestor(full));
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
        {
            free = null;
        }
        if (free is not { } bytes) return new(Name, DoctorOutcome.Ok, $"{where} (ledigt utrymme okänt)");
        var last = existed ? LastReportsBytes(full) : 0;
        var space = $"{Mb(bytes)} ledigt" + (last > 0 ? $", förra körningens rapporter {Mb(last)}" : "");
        if (bytes < Math.Max(MinimumFreeBytes, last))
            return new(Name, DoctorOutcome.Failed, $"{where} men har bara {space}: nattens rapporter får inte plats bredvid förra nattens, och körningen blir ofullständig.",
                "Frigör utrymme på disken, eller ändra Scan:Out till en disk med plats.");
        if (bytes < Math.Max(WarnFreeBytes, 3 * last))
            return new(Name, DoctorOutcome.Warning, $"{where} men har bara {space}.",
                "Frigör utrymme: rapporterna skrivs bredvid förra nattens innan de byts ut, och tillståndsfilen och loggen växer. Blir disken full behålls förra nattens rapporter och körningen blir ofullständig (avslutskod 3).");
        return new(Name, DoctorOutcome.Ok, $"{where} ({space})");
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("sv-SE")) + " MB";

    /// <summary>The bytes of the report files in the folder now: tonight's set needs as much again while it is staged.</summary>
    private static long LastReportsBytes(string folder)
    {
        long total = 0;
        try
        {
            foreach (var name in new[] { "results.csv", "flagged.csv", "review.csv", "summary.json", "rapport.html", "results.jsonl", "changes.csv" })
            {
                var f = new FileInfo(Path.Combine(folder, name));
                if (f.Exists) total += f.Length;
            }
            var departments = Path.Combine(folder, Reporting.Departments.DepartmentReportSink.FolderName);
            if (Directory.Exists(departments))
                total += Directory.EnumerateFiles(departments, "*.csv").Sum(f => new FileInfo(f).Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable sizes: judge by the fixed thresholds alone (the probe above already wrote here).
        }
        return total;
    }

    private static string ExistingAncestor(string path)
    {
        var d = path;
        while (!Directory.Exists(d) && Path.GetDirectoryName(d) is { } parent) d = parent;
        return d;
    }

    /// <summary>Removes the empty folders doctor created, from <paramref name="full"/> up to <paramref name="created"/>; never recursively.</summary>
    private static void TryRemove(string full, string created)
    {
        try
        {
            for (var d = full; d is not null && d.Length >= created.Length; d = Path.GetDirectoryName(d)) Directory.Delete(d);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not empty (someone writes there already) or not ours to remove: an empty folder is what the scan creates anyway.
        }
    }

    /// <summary>
    /// The state file, looked at read-only as the scan would find it (<see cref="SqliteStateStore.Inspect"/>): missing is
    /// fine (the first run creates it), damaged fails with what the next scan will do about it, a newer schema fails.
    /// </summary>
    public static DoctorCheck StateDatabase(string path)
    {
        if (PostgresStateCheck.For(path) is { } postgres) return postgres;
        const string Name = "Tillståndsdatabas";
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            return new(Name, DoctorOutcome.Ok, $"{full} finns inte än och skapas vid första körningen (den läser då alla filer)");
        try
        {
            Span<byte> header = stackalloc byte[16];
            using (var f = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                if (f.ReadAtLeast(header, 16, throwOnEndOfStream: false) < 16 || !header.SequenceEqual("SQLite format 3\0"u8))
                    return new(Name, DoctorOutcome.Failed, $"{full} är ingen SQLite-databas: nästa skanning flyttar undan den och bygger upp en ny (och läser då alla filer).",
                        "Peka på rätt fil med Scan:State eller --state, eller låt nästa skanning bygga om den.");
            }
            using (new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite)) { }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return new(Name, DoctorOutcome.Failed, $"{full} kan inte öppnas för skrivning ({ex.GetType().Name}).", "Ge tjänstekontot skrivrätt till filen och mappen.");
        }
        StateSummary summary;
        try
        {
            summary = SqliteStateStore.Inspect(full);
        }
        catch (StateCorruptException ex)
        {
            return new(Name, DoctorOutcome.Failed, $"{full} är skadad ({Core.Privacy.SafeText.Message(ex.Reason)}): nästa skanning flyttar undan den och bygger upp en ny (och läser då alla filer; avslutskod 5).",
                "Inget måste göras; vill du undersöka filen, kopiera den innan nästa körning.");
        }
        catch (StateSchemaTooNewException ex)
        {
            return new(Name, DoctorOutcome.Failed, $"{full} skrevs av en nyare ClassScan ({Core.Privacy.SafeText.Message(ex.Message)}); skanningen vägrar använda den.",
                "Installera samma eller en nyare version av ClassScan, eller peka Scan:State på en annan fil.");
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return new(Name, DoctorOutcome.Failed, $"{full} kunde inte läsas (SQLite-fel {ex.SqliteErrorCode}).", "Ge tjänstekontot läsrätt till filen och mappen.");
        }
        var contents = $"schemaversion {summary.SchemaVersion}, {summary.Items} filer";
        try
        {
            using (new FileStream(full + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)) { }
        }
        catch (IOException)
        {
            return new(Name, DoctorOutcome.Warning, $"{full} ({contents}) används just nu av en körning.", "Vänta tills den är klar.");
        }
        catch (UnauthorizedAccessException) { }
        return new(Name, DoctorOutcome.Ok, $"{full}: {contents}");
    }

    /// <summary>One real round trip through an extraction worker process, the way a scan starts them.</summary>
    public static async Task<DoctorCheck> WorkerAsync(TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var selector = new IsolatedExtractorSelector(ExtractorSelector.Default, ExtractWorkerCommand.Self());
        var bytes = Encoding.UTF8.GetBytes("ClassScan doctor provtext");
        var extractor = selector.Select("doctor.txt", bytes);
        if (extractor is null) return new("Arbetsprocess", DoctorOutcome.Failed, "ingen läsare för .txt (fel i installationen).", "Installera om ClassScan.");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            var result = await Task.Run(() => extractor.Extract(new MemoryStream(bytes), ExtractionLimits.Default, cts.Token), CancellationToken.None)
                .WaitAsync(timeout + TimeSpan.FromSeconds(5), ct).ConfigureAwait(false);
            return result switch
            {
                ExtractionResult.Text(var text) when text.Segments.Any(s => s.Text.Contains("provtext", StringComparison.Ordinal)) =>
                    new("Arbetsprocess", DoctorOutcome.Ok, $"startade och läste en provfil ({clock.Elapsed.TotalSeconds:0.0} s)"),
                // A worker that died on the file (the test file is plain text: it cannot be the file's fault).
                ExtractionResult.Failure f => new("Arbetsprocess", DoctorOutcome.Failed, $"kunde inte starta eller svarade inte ({f.GetType().Name}: {Core.Privacy.SafeText.Message(f.Reason)}).",
                    "Kontrollera att programfilen får köras (noexec-montering, AppArmor/SELinux, minnesgräns i tjänsten); kör annars med Scan:InProcess=true."),
                _ => new("Arbetsprocess", DoctorOutcome.Failed, "startade men returnerade fel text.", "Installera om ClassScan; kör annars med Scan:InProcess=true tills vidare."),
            };
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return new("Arbetsprocess", DoctorOutcome.Failed, $"kunde inte starta eller svarade inte ({ex.GetType().Name}: {Core.Privacy.SafeText.Message(ex.Message)}).",
                "Kontrollera att programfilen får köras (noexec-montering, AppArmor/SELinux, minnesgräns i tjänsten); kör annars med Scan:InProcess=true.");
        }
    }

    /// <summary>
    /// OCR: tesseract and its version, the language models (swe), pdftoppm. Missing programs only warn under
    /// Scan:Ocr:Enabled=auto (the scan runs and lists scanned files as "OCR saknas"), and fail under true.
    /// </summary>
    public static async Task<DoctorCheck> OcrAsync(OcrSettings settings, CancellationToken ct, Ocr.OcrTools? probed = null)
    {
        const string Name = "OCR";
        if (settings.Off) return new(Name, DoctorOutcome.Skipped, "avstängd (Scan:Ocr:Enabled=false): skannade filer och bilder listas i review.csv med \"OCR saknas\".");
        var tools = probed ?? await Ocr.OcrTools.ProbeAsync(TimeSpan.FromSeconds(15), ct).ConfigureAwait(false);
        var fix = $"Installera programmen: apt-get install {Ocr.OcrTools.AptPackages}";
        var found = $"tesseract: {(tools.Tesseract is null ? "saknas" : tools.TesseractVersion ?? tools.Tesseract)}; " +
            $"språk: {(tools.Languages.Count == 0 ? "inga" : string.Join(", ", tools.Languages))} (swe {(tools.Languages.Contains("swe") ? "finns" : "saknas")}); " +
            $"pdftoppm: {(tools.ReadsPdf ? "finns" : "saknas")}";
        var missing = tools.Missing(settings.Languages) ?? (tools.ReadsPdf ? null : "pdftoppm hittades inte (skannade PDF-sidor kan inte ritas upp)");
        if (missing is null) return new(Name, DoctorOutcome.Ok, $"på: {found}");
        return new(Name, settings.Required ? DoctorOutcome.Failed : DoctorOutcome.Warning,
            $"{missing}: {found}. Skannade filer och bilder listas i review.csv med \"OCR saknas\".", fix);
    }

    public static DoctorCheck Graph(IConfiguration root)
    {
        var graph = root.GetSection("Graph");
        var token = Environment.GetEnvironmentVariable("CLASSSCAN_GRAPH_TOKEN");
        if (!graph.GetChildren().Any() && string.IsNullOrEmpty(token))
            return new("Microsoft Graph", DoctorOutcome.Skipped, "inga Graph-inställningar: lokal skanning, ingen inloggning att kontrollera.");
        const string Offline = " (inte provad mot Entra ID: doctor gör inga nätverksanrop)";
        if (bool.TryParse(graph["ManagedIdentity"], out var mi) && mi)
            return new("Microsoft Graph", DoctorOutcome.Ok, "hanterad identitet" + Offline);
        if (graph.GetChildren().Any())
        {
            if (string.IsNullOrWhiteSpace(graph["TenantId"]))
                return new("Microsoft Graph", DoctorOutcome.Failed, "Graph:TenantId saknas.", "Sätt Graph:TenantId till klientorganisationens id (GUID) eller domän.");
            if (!Guid.TryParse(graph["ClientId"], out _))
                return new("Microsoft Graph", DoctorOutcome.Failed, "Graph:ClientId saknas eller är inget GUID.", "Sätt Graph:ClientId till appregistreringens program-id (GUID).");
            if (graph["CertificatePath"] is { Length: > 0 } cert) return Certificate(cert, graph["CertificatePassword"], Offline);
            if (!string.IsNullOrEmpty(graph["ClientSecret"]))
                return new("Microsoft Graph", DoctorOutcome.Ok, "klienthemlighet från miljön (CLASSSCAN_Graph__ClientSecret)" + Offline,
                    "Hemligheter går ut: notera utgångsdatumet i Entra ID. Certifikat eller hanterad identitet är att föredra.");
        }
        if (!string.IsNullOrEmpty(token))
            return new("Microsoft Graph", DoctorOutcome.Warning, "statisk token i CLASSSCAN_GRAPH_TOKEN (bara för test; går ut inom timmar)" + Offline);
        return new("Microsoft Graph", DoctorOutcome.Failed, "Graph är konfigurerat men inget sätt att logga in.",
            "Sätt Graph:CertificatePath (rekommenderas), Graph:ManagedIdentity=true, eller miljövariabeln CLASSSCAN_Graph__ClientSecret.");
    }

    private static DoctorCheck Certificate(string path, string? password, string offline)
    {
        if (!File.Exists(path))
            return new("Microsoft Graph", DoctorOutcome.Failed, $"certifikatet {path} finns inte.", "Ändra Graph:CertificatePath, eller ge tjänstekontot läsrätt till filen.");
        try
        {
            using var cert = path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password);
            if (!cert.HasPrivateKey)
                return new("Microsoft Graph", DoctorOutcome.Failed, $"certifikatet {path} saknar privat nyckel.", "Exportera certifikatet med privat nyckel (PFX eller PEM med nyckel).");
            var left = cert.NotAfter - TimeProvider.System.GetLocalNow().DateTime; // NotAfter is local time
            if (left <= TimeSpan.Zero)
                return new("Microsoft Graph", DoctorOutcome.Failed, $"certifikatet gick ut {cert.NotAfter:yyyy-MM-dd}.", "Skapa ett nytt certifikat och ladda upp det till appregistreringen.");
            return left < TimeSpan.FromDays(30)
                ? new("Microsoft Graph", DoctorOutcome.Warning, $"certifikatet går ut {cert.NotAfter:yyyy-MM-dd}" + offline, "Förnya certifikatet i tid.")
                : new("Microsoft Graph", DoctorOutcome.Ok, $"certifikat {cert.Subject}, giltigt till {cert.NotAfter:yyyy-MM-dd}" + offline);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new("Microsoft Graph", DoctorOutcome.Failed, $"certifikatet {path} kunde inte läsas ({ex.GetType().Name}).", "Kontrollera filen och lösenordet (CLASSSCAN_Graph__CertificatePassword).");
        }
    }
}
