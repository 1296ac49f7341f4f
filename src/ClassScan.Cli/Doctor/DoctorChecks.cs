using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ClassScan.Cli.Commands;
using ClassScan.Cli.Configuration;
using ClassScan.Core.Documents;
using ClassScan.Extraction;
using ClassScan.Extraction.Isolation;
using Microsoft.Extensions.Configuration;

namespace ClassScan.Cli.Doctor;

/// <summary>
/// The checks behind <c>classscan doctor</c>: configuration, scan folder, model, output folder, state database,
/// extraction worker and Graph sign-in settings. Each says what to fix. None touches the network: Graph settings
/// are checked for completeness only, because a doctor that hangs on a firewall helps nobody at 01:30.
/// </summary>
public static class DoctorChecks
{
    /// <summary>Keys where a state database may be configured (the Graph source's SQLite state).</summary>
    public static readonly string[] StateKeys = ["State:Path", "Graph:StatePath", "Graph:State"];

    public static async Task<IReadOnlyList<DoctorCheck>> RunAsync(LoadedConfiguration config, string? statePath, TimeSpan workerTimeout, CancellationToken ct)
    {
        var checks = new List<DoctorCheck>();
        checks.AddRange(Configuration(config));
        var s = config.Settings;
        checks.Add(ScanPath(s.Scan));
        checks.Add(Model(s.Scan));
        checks.Add(OutputFolder(s.Scan.Out));
        // The scan keeps its state in <out>/classscan-state.db unless told otherwise: check that one when it exists.
        var defaultState = Path.Combine(s.Scan.Out, StatefulScan.DefaultFileName);
        checks.Add(StateDatabase(statePath ?? StateKeys.Select(k => config.Root[k]).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
            ?? (File.Exists(defaultState) ? defaultState : null)));
        checks.Add(await WorkerAsync(workerTimeout, ct).ConfigureAwait(false));
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

    public static DoctorCheck OutputFolder(string outDir)
    {
        var full = Path.GetFullPath(outDir);
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".doctor.{Environment.ProcessId}.tmp");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return new("Utmapp", DoctorOutcome.Failed, $"{full} är inte skrivbar ({ex.GetType().Name}).",
                "Ge tjänstekontot skrivrätt (t.ex. chown classscan " + full + "), ändra Scan:Out, och under systemd: lägg mappen i ReadWritePaths=.");
        }
        using (var runLock = RunLock.TryAcquire(full, out var holder))
        {
            if (runLock is null)
                return new("Utmapp", DoctorOutcome.Warning, $"{full} är skrivbar, men en körning pågår just nu ({holder}).", "Vänta tills den är klar; en ny körning får annars avslutskod 4.");
        }
        try
        {
            var free = new DriveInfo(full).AvailableFreeSpace;
            if (free < 200L * 1024 * 1024)
                return new("Utmapp", DoctorOutcome.Warning, $"{full} är skrivbar men har bara {free / 1048576} MB ledigt.", "Frigör utrymme: stora skanningar skriver hundratals MB rapporter och temporärfiler.");
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException) { }
        return new("Utmapp", DoctorOutcome.Ok, $"{full} är skrivbar");
    }

    public static DoctorCheck StateDatabase(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
            return new("Tillståndsdatabas", DoctorOutcome.Skipped, "ingen konfigurerad (" + string.Join(", ", StateKeys) + "): varje körning läser allt.");
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        if (!File.Exists(full))
        {
            return Directory.Exists(dir)
                ? new("Tillståndsdatabas", DoctorOutcome.Ok, $"{full} skapas vid första körningen")
                : new("Tillståndsdatabas", DoctorOutcome.Failed, $"mappen {dir} finns inte.", "Skapa mappen och ge tjänstekontot skrivrätt, eller ändra sökvägen.");
        }
        try
        {
            Span<byte> header = stackalloc byte[16];
            using (var f = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                if (f.ReadAtLeast(header, 16, throwOnEndOfStream: false) < 16 || !header.SequenceEqual("SQLite format 3\0"u8))
                    return new("Tillståndsdatabas", DoctorOutcome.Failed, $"{full} är ingen SQLite-databas.", "Peka på rätt fil, eller flytta undan filen så skapas en ny (nästa körning läser då allt).");
            }
            using (new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite)) { }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return new("Tillståndsdatabas", DoctorOutcome.Failed, $"{full} kan inte öppnas för skrivning ({ex.GetType().Name}).", "Ge tjänstekontot skrivrätt till filen och mappen.");
        }
        try
        {
            using (new FileStream(full + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)) { }
        }
        catch (IOException)
        {
            return new("Tillståndsdatabas", DoctorOutcome.Warning, $"{full} används just nu av en körning.", "Vänta tills den är klar.");
        }
        catch (UnauthorizedAccessException) { }
        return new("Tillståndsdatabas", DoctorOutcome.Ok, $"{full} är en läs- och skrivbar SQLite-databas");
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
            var text = await Task.Run(() => extractor.Extract(new MemoryStream(bytes), ExtractionLimits.Default, cts.Token), CancellationToken.None)
                .WaitAsync(timeout + TimeSpan.FromSeconds(5), ct).ConfigureAwait(false);
            return text.Segments.Any(s => s.Text.Contains("provtext", StringComparison.Ordinal))
                ? new("Arbetsprocess", DoctorOutcome.Ok, $"startade och läste en provfil ({clock.Elapsed.TotalSeconds:0.0} s)")
                : new("Arbetsprocess", DoctorOutcome.Failed, "startade men returnerade fel text.", "Installera om ClassScan; kör annars med Scan:InProcess=true tills vidare.");
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or CorruptDocumentException or IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return new("Arbetsprocess", DoctorOutcome.Failed, $"kunde inte starta eller svarade inte ({ex.GetType().Name}: {Core.Privacy.SafeText.Message(ex.Message)}).",
                "Kontrollera att programfilen får köras (noexec-montering, AppArmor/SELinux, minnesgräns i tjänsten); kör annars med Scan:InProcess=true.");
        }
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
