using System.CommandLine;
using System.Globalization;
using ClassScan.Core.Privacy;
using ClassScan.State.Postgres.Work;
using ClassScan.State.Sqlite;
using ClassScan.State.Work;

namespace ClassScan.Cli.Commands;

/// <summary>
/// <c>classscan status [--state FILE-OR-CONNECTION | --out DIR]</c>: how far the scan has come, from the state. On
/// PostgreSQL: the nodes (alive while they beat within their lease), the drives each holds and until when, drives done
/// and left, files judged, the rate over the last minutes and the time left for the staged backlog. On SQLite (one
/// node): the last run and the same file counts. Plain text; names pass through the identity-number redactor, so a
/// drive or node named after a person's number shows it masked. Reads only: a running scan is not disturbed.
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var outDir = new Option<string?>("--out") { Description = "The scan's output folder, whose state is read (Scan:Out; its state is OUT/classscan-state.db unless Scan:State says otherwise)." };
        var window = new Option<int>("--minutes") { Description = "Minutes over which the judging rate (and so the ETA) is measured.", DefaultValueFactory = _ => 5 };
        var command = new Command("status", "Show the scan's progress from the state: nodes and their leases, drives done and left, files judged, rate and ETA.")
        {
            outDir,
            window,
        };
        command.Options.Add(StateComposition.StateFile);
        command.SetAction(async (parse, ct) =>
        {
            var minutes = Math.Max(1, parse.GetValue(window));
            StateLocation location;
            try
            {
                location = StateLocation.Parse(ShowCommand.StatePath(parse, outDir));
            }
            catch (FormatException ex)
            {
                Console.Error.WriteLine("classscan: " + ex.Message);
                return ExitCodes.UsageError;
            }
            ScanStatus status;
            try
            {
                if (location.ConnectionString is { } cs)
                {
                    using var shared = PostgresDistribution.Open(cs);
                    status = await shared.Status.ReadAsync(TimeSpan.FromMinutes(minutes), ct).ConfigureAwait(false);
                }
                else
                {
                    status = await new SqliteStatusReader(location.FilePath!).ReadAsync(TimeSpan.FromMinutes(minutes), ct).ConfigureAwait(false);
                }
            }
            catch (FileNotFoundException)
            {
                Console.Error.WriteLine($"classscan: det finns inget tillstånd i {location.Display}; ange --out eller --state för skanningen.");
                return ExitCodes.UsageError;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                var why = State.Postgres.PostgresStateStore.TryDescribeFailure(ex, out var cause, out _) ? cause : SafeText.Message(ex.Message);
                Console.Error.WriteLine($"classscan: tillståndet {location.Display} kunde inte läsas: {why}");
                return ExitCodes.UsageError;
            }
            Write(Console.Out, status, location.Display, ScanComposition.CreateNameRedactor(TimeProvider.System));
            return ExitCodes.NothingToMove;
        });
        return command;
    }

    /// <summary>The report, in Swedish like the rest of the console output. Every name goes through <paramref name="names"/>.</summary>
    internal static void Write(TextWriter o, ScanStatus s, string where, INameRedactor names)
    {
        var c = CultureInfo.InvariantCulture;
        string Name(string? text) => names.Redact(text ?? "");
        string Ago(DateTimeOffset t) => Span(s.Now - t) + " sedan";

        o.WriteLine($"Tillstånd: {s.Engine}, {Name(where)} (klockan {s.Now.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", c)})");
        if (s.Nodes.Count > 0)
        {
            var alive = s.Nodes.Count(n => n.AliveAt(s.Now));
            o.WriteLine($"Noder: {s.Nodes.Count} ({alive} levande, {s.Nodes.Count(n => n.Stopped)} avslutade, {s.Nodes.Count(n => !n.Stopped && !n.AliveAt(s.Now))} döda)");
            foreach (var n in s.Nodes)
            {
                var state = n.AliveAt(s.Now) ? "levande" : n.Stopped ? "avslutad" : "död";
                var k = n.Counters;
                o.WriteLine($"  {Name(n.Node.Id)}: {state}, senaste livstecken {Ago(n.LastSeen)}, startad {n.Node.Started.ToLocalTime().ToString("HH:mm:ss", c)} " +
                    $"(värd {Name(n.Node.Host)}, pid {n.Node.Pid.ToString(c)}); listade {k.Listed.ToString(c)}, lästa {k.Judged.ToString(c)}, " +
                    $"nedladdningar {k.Downloads.ToString(c)}, Graph-anrop {k.Requests.ToString(c)} ({k.ResourceUnits.ToString(c)} resursenheter), strypta {k.Throttled.ToString(c)}");
                foreach (var l in n.Leases)
                    o.WriteLine($"    lånar {Name(l.Label ?? l.UnitId)} till {l.Expires.ToLocalTime().ToString("HH:mm:ss", c)} (om {Span(l.Expires - s.Now)})");
            }
        }
        else if (s.LastRun is { } run)
        {
            var state = run.Finished is { } f ? (run.Complete == true ? "klar" : "ofullständig") + " " + f.ToLocalTime().ToString("yyyy-MM-dd HH:mm", c)
                : "pågår (eller avbröts utan att avslutas)";
            o.WriteLine($"Senaste körning: nr {run.Id.ToString(c)}, startad {run.Started.ToLocalTime().ToString("yyyy-MM-dd HH:mm", c)}, {state}");
        }
        else
        {
            o.WriteLine("Ingen körning ännu.");
        }
        var left = s.UnitsTotal - s.UnitsDone;
        o.WriteLine($"Enheter (bibliotek/OneDrive): {s.UnitsTotal.ToString(c)} totalt, {s.UnitsDone.ToString(c)} klara, {s.UnitsHeld.ToString(c)} pågår, {left.ToString(c)} kvar");
        o.WriteLine($"Filer: {s.ItemsJudged.ToString(c)} bedömda; {s.JudgedRecently.ToString(c)} de senaste {Span(s.Window)} ({s.PerSecond.ToString("0.0", c)} filer/s); " +
            $"{s.StagedLeft.ToString(c)} listade väntar på bedömning");
        o.WriteLine(s.Eta is { } eta ? $"Beräknad tid kvar för de listade: {Span(eta)} (ytterligare bibliotek listas när de tas)"
            : s.StagedLeft > 0 ? "Beräknad tid kvar: okänd (inget bedömdes de senaste minuterna)" : "Inget listat väntar.");
    }

    private static string Span(TimeSpan t)
    {
        var c = CultureInfo.InvariantCulture;
        if (t < TimeSpan.Zero) t = TimeSpan.Zero;
        if (t.TotalMinutes < 1) return ((int)t.TotalSeconds).ToString(c) + " s";
        if (t.TotalHours < 1) return ((int)t.TotalMinutes).ToString(c) + " min " + t.Seconds.ToString(c) + " s";
        if (t.TotalDays < 1) return ((int)t.TotalHours).ToString(c) + " h " + t.Minutes.ToString(c) + " min";
        return ((int)t.TotalDays).ToString(c) + " d " + t.Hours.ToString(c) + " h";
    }
}
