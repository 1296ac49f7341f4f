using System.Globalization;
using System.Text;
using ClassScan.Core.Scanning;

namespace ClassScan.Reporting.Html;

/// <summary>
/// Renders <see cref="RunReport"/> as one self-contained HTML page in Swedish: inline CSS and inline SVG, no
/// script, and a Content-Security-Policy that forbids every fetch, so opening it never touches the network.
/// Every text is encoded (<see cref="HtmlEscaping"/>); the markup is also well-formed XML so tests can parse it.
/// Holds no document content: paths, reasons and counts only.
/// </summary>
internal static class HtmlReportWriter
{
    private const string Red = "#c62828", Orange = "#ef6c00", Blue = "#1565c0", Green = "#2e7d32", Purple = "#6a1b9a", Grey = "#78909c";

    public static string Render(RunReport report)
    {
        var s = report.Summary;
        var sv = HtmlReportSink.Swedish;
        var notJudged = s.Files - s.ByStatus.GetValueOrDefault(ScanStatus.Ok.ToReportName());
        var sb = new StringBuilder(32 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\"/>\n")
          .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
          .Append("<meta name=\"generator\" content=\"ClassScan ").Append(E(report.Version)).Append("\"/>\n")
          .Append("<title>ClassScan – rapport ").Append(E(report.GeneratedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append("</title>\n")
          .Append("<style>").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");

        // Header and the one-glance verdict.
        sb.Append("<header>\n<h1>ClassScan – rapport</h1>\n<p class=\"meta\">")
          .Append(report.FromState ? "Skapad ur tillståndet " + E(HtmlReportSink.Local(s.FinishedAt)) + " (classscan report)" : "Körningen slutade " + E(HtmlReportSink.Local(s.FinishedAt)))
          .Append(" · ClassScan ").Append(E(report.Version)).Append("</p>\n");
        var what = report.FromState ? "Tillståndet" : "Körningen";
        if (s.Complete)
            sb.Append("<p class=\"banner ok\" id=\"status\">").Append(what).Append(" är komplett: alla filer är bedömda.</p>\n");
        else
            sb.Append("<p class=\"banner bad\" id=\"status\">").Append(what).Append(" är OFULLSTÄNDIG: ").Append(E(s.IncompleteReason))
              .Append(". Listorna gäller bara de filer som hann läsas.</p>\n");
        if (report.StateRecovered is { } rec)
            sb.Append("<p class=\"banner bad\" id=\"state-recovered\">Tillståndsfilen var skadad och har flyttats till ").Append(E(rec.MovedTo))
              .Append(" (").Append(E(rec.Reason)).Append("). En ny skapades och alla filer lästes igen, så bedömningarna är kompletta; ")
              .Append("ändringslistan jämför dock mot en tom historik. Kontrollera disken och behåll den skadade filen tills orsaken är känd.</p>\n");
        sb.Append("</header>\n");

        // Key figures.
        var cmp = report.Comparison;
        sb.Append("<section id=\"oversikt\">\n<h2>Översikt</h2>\n<div class=\"cards\">\n");
        Card(sb, report.FromState ? "Filer i tillståndet" : "Filer lästa", s.Files.ToString("N0", sv), null, "");
        Card(sb, "Måste lämna M365 (nivå 2–3)", s.MustLeave.ToString("N0", sv), cmp is null ? null : Delta(cmp.MustLeave - cmp.PreviousMustLeave), s.MustLeave > 0 ? "warn" : "good");
        Card(sb, "Kunde inte bedömas", notJudged.ToString("N0", sv), null, notJudged > 0 ? "blind" : "good");
        if (cmp is not null)
        {
            Card(sb, "Nya flaggor sedan förra körningen", cmp.NewlyFlagged.ToString("N0", sv), null, cmp.NewlyFlagged > 0 ? "warn" : "good");
            Card(sb, "Flyttade eller omdöpta", cmp.Moved.ToString("N0", sv), null, "");
            Card(sb, "Inte längre flaggade", (cmp.Cleaned + cmp.Gone).ToString("N0", sv), null, "good");
        }
        sb.Append("</div>\n</section>\n");

        // Levels and statuses.
        var byLevel = s.ByLevel;
        sb.Append("<section id=\"nivaer\">\n<h2>Nivåer och status</h2>\n<div class=\"two\">\n<div>\n<h3>KLASSA-nivå</h3>\n");
        sb.Append(SvgChart.Bars("Filer per KLASSA-nivå",
        [
            new("3 – strikt konfidentiell", byLevel.GetValueOrDefault(3), Red),
            new("2 – konfidentiell", byLevel.GetValueOrDefault(2), Orange),
            new("1 – intern", byLevel.GetValueOrDefault(1), Blue),
            new("0 – öppen", byLevel.GetValueOrDefault(0), Green),
            new("ej bedömd", notJudged, Purple),
        ]));
        sb.Append("\n<p class=\"hint\">Nivå 2 och 3 får inte ligga i Microsoft 365 och finns i förvaltningarnas granskningsfiler.</p>\n</div>\n<div>\n<h3>Status</h3>\n");
        sb.Append(SvgChart.Bars("Filer per status",
        [
            new("ok – läst och bedömd", s.ByStatus.GetValueOrDefault("ok"), Grey),
            new("no-text – inget textlager", s.ByStatus.GetValueOrDefault("no-text"), Purple),
            new("encrypted – lösenordsskyddad", s.ByStatus.GetValueOrDefault("encrypted"), Purple),
            new("unsupported – format läses ej", s.ByStatus.GetValueOrDefault("unsupported"), Purple),
            new("error – kunde inte läsas", s.ByStatus.GetValueOrDefault("error"), Red),
        ]));
        sb.Append("\n</div>\n</div>\n</section>\n");

        // Departments.
        sb.Append("<section id=\"forvaltningar\">\n<h2>Per förvaltning</h2>\n");
        sb.Append(SvgChart.Stacked("Filer att åtgärda per förvaltning",
            [.. report.Departments.Select(d => (d.Name, (IReadOnlyList<ChartBar>)[new("Måste lämna M365", d.MustLeave, Red), new("Kunde inte bedömas", d.NotJudged, Purple)]))]));
        sb.Append("\n<p class=\"legend\"><span class=\"sw\" style=\"background:").Append(Red).Append("\"></span> måste lämna M365 <span class=\"sw\" style=\"background:")
          .Append(Purple).Append("\"></span> kunde inte bedömas</p>\n");
        sb.Append("<table>\n<thead><tr><th>Förvaltning</th><th class=\"num\">Filer</th><th class=\"num\">Måste lämna</th><th class=\"num\">Ej bedömda</th>");
        if (cmp is not null) sb.Append("<th class=\"num\">Nya flaggor</th><th class=\"num\">Ej längre flaggade</th><th class=\"num\">Flyttade</th>");
        sb.Append("<th>Granskningsfil</th></tr></thead>\n<tbody>\n");
        foreach (var d in report.Departments)
        {
            var file = Departments.DepartmentMap.FileNameFor(d.Name);
            sb.Append("<tr><td>").Append(E(d.Name)).Append("</td>").Append(Num(d.Files, sv)).Append(Num(d.MustLeave, sv)).Append(Num(d.NotJudged, sv));
            if (cmp is not null) sb.Append(Num(d.NewlyFlagged, sv)).Append(Num(d.NoLongerFlagged, sv)).Append(Num(d.Moved, sv));
            sb.Append("<td class=\"file\"><a href=\"").Append(E(Uri.EscapeDataString(Departments.DepartmentReportSink.FolderName)))
              .Append('/').Append(E(Uri.EscapeDataString(Departments.DepartmentMap.FileNameFor(d.Name)))).Append("\">").Append(E(file)).Append("</a></td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n<p class=\"hint\">Filer som ingen regel i konfigurationen (Departments) matchar hamnar under ")
          .Append(E(Departments.DepartmentMap.Unknown)).Append(".</p>\n</section>\n");

        // Change since the previous run.
        sb.Append("<section id=\"forandring\">\n<h2>Förändring sedan förra körningen</h2>\n");
        if (cmp is null)
        {
            sb.Append("<p>").Append(E(report.ComparisonNote ?? "Ingen tidigare körning hittades.")).Append("</p>\n");
        }
        else
        {
            sb.Append("<p>Jämfört med senaste fullständiga körningen (tillståndets baslinje): samma ändringar som i changes.csv, där varje fil har en rad.</p>\n");
            if (report.ComparisonNote is { } note) sb.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
            sb.Append("<table class=\"narrow\">\n<thead><tr><th></th><th class=\"num\">Förra</th><th class=\"num\">Nu</th><th class=\"num\">Förändring</th></tr></thead>\n<tbody>\n");
            CompareRow(sb, "Måste lämna M365", cmp.PreviousMustLeave, cmp.MustLeave, sv);
            sb.Append("</tbody>\n</table>\n");
            sb.Append("<h3>Nya flaggor (").Append(cmp.NewlyFlagged.ToString("N0", sv)).Append(")</h3>\n");
            FileTable(sb, cmp.NewExamples, cmp.NewlyFlagged, "Nivå", "Varför", "changes.csv");
            sb.Append("<h3>Flyttade eller omdöpta (").Append(cmp.Moved.ToString("N0", sv)).Append(")</h3>\n");
            sb.Append("<p class=\"hint\">Flaggade både förra gången och nu, under en ny sökväg. En fil som flyttats till en ny plats står i changes.csv som moved-in och moved.</p>\n");
            FileTable(sb, cmp.MovedExamples, cmp.Moved, "Nivå", "Varifrån", "changes.csv");
            var resolved = cmp.Cleaned + cmp.Gone;
            sb.Append("<h3>Inte längre flaggade (").Append(resolved.ToString("N0", sv)).Append(")</h3>\n");
            sb.Append("<p class=\"hint\">").Append(cmp.Cleaned.ToString("N0", sv)).Append(" lästes igen och är inte längre på nivå 2–3; ")
              .Append(cmp.Gone.ToString("N0", sv)).Append(" finns inte längre i skanningen (borttagna).</p>\n");
            FileTable(sb, cmp.ResolvedExamples, resolved, "Förut", "Vad hände", "changes.csv");
        }
        sb.Append("</section>\n");

        // Top reasons.
        sb.Append("<section id=\"skal\">\n<h2>Vanligaste skälen till att filer måste lämna M365</h2>\n");
        if (report.TopReasons.Count == 0)
        {
            sb.Append("<p>Inga filer på nivå 2–3.</p>\n");
        }
        else
        {
            var max = Math.Max(1, report.TopReasons.Max(r => r.Count));
            sb.Append("<table>\n<thead><tr><th>Skäl</th><th class=\"num\">Filer</th><th class=\"barcol\"></th></tr></thead>\n<tbody>\n");
            foreach (var r in report.TopReasons)
            {
                var pct = Math.Max(1, (int)Math.Round(100.0 * r.Count / max));
                sb.Append("<tr><td>").Append(E(r.Reason)).Append("</td>").Append(Num(r.Count, sv))
                  .Append("<td class=\"barcol\"><span class=\"bar\" style=\"width:").Append(pct.ToString(CultureInfo.InvariantCulture)).Append("%\"></span></td></tr>\n");
            }
            sb.Append("</tbody>\n</table>\n");
        }
        sb.Append("</section>\n");

        // Blind spots.
        sb.Append("<section id=\"blinda-flackar\">\n<h2>Blinda fläckar: filer som inte kunde bedömas (").Append(notJudged.ToString("N0", sv)).Append(")</h2>\n");
        if (notJudged == 0)
        {
            sb.Append("<p>Alla filer kunde läsas och bedömas.</p>\n");
        }
        else
        {
            sb.Append("<p>Skannern vet inte vad de här filerna innehåller. En människa måste titta på dem; de finns i review.csv och i förvaltningarnas granskningsfiler.</p>\n");
            sb.Append("<table class=\"narrow\">\n<thead><tr><th>Status</th><th class=\"num\">Filer</th><th>Vad göra</th></tr></thead>\n<tbody>\n");
            foreach (var status in new[] { ScanStatus.Encrypted, ScanStatus.NoText, ScanStatus.Unsupported, ScanStatus.Error })
            {
                var n = s.ByStatus.GetValueOrDefault(status.ToReportName());
                if (n == 0) continue;
                sb.Append("<tr><td>").Append(E(status.ToReportName())).Append("</td>").Append(Num(n, sv)).Append("<td>").Append(E(ReviewerText.Action(status))).Append("</td></tr>\n");
            }
            sb.Append("</tbody>\n</table>\n");
            FileTable(sb, report.BlindSpots, notJudged, "Status", "Orsak", "review.csv");
        }
        sb.Append("</section>\n");

        // Run health.
        sb.Append("<section id=\"halsa\">\n<h2>Körningens hälsa</h2>\n<table class=\"narrow\">\n<tbody>\n");
        foreach (var h in report.Health)
        {
            sb.Append(h.Problem ? "<tr class=\"problem\">" : "<tr>").Append("<th>").Append(E(h.Label)).Append("</th><td>").Append(E(h.Value)).Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        sb.Append("<p class=\"hint\">Övriga filer i utmappen: results.csv (alla filer), flagged.csv (nivå 2–3), review.csv (ej bedömda), summary.json");
        foreach (var f in report.RelatedFiles) sb.Append(", ").Append(E(f));
        sb.Append(".</p>\n</section>\n");

        sb.Append("<footer>Rapporten innehåller inget dokumentinnehåll: bara sökvägar, skäl och antal. Personnummer visas aldrig. Skapad ")
          .Append(E(report.GeneratedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append(" av ClassScan ").Append(E(report.Version)).Append(".</footer>\n");
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string E(string? text) => HtmlEscaping.Encode(text);

    private static string Num(int n, CultureInfo sv) => "<td class=\"num\">" + n.ToString("N0", sv) + "</td>";

    private static string Delta(int d) => d switch
    {
        > 0 => "+" + d.ToString("N0", HtmlReportSink.Swedish),
        < 0 => "−" + (-d).ToString("N0", HtmlReportSink.Swedish),
        _ => "±0",
    } + " sedan förra körningen";

    private static void Card(StringBuilder sb, string label, string value, string? delta, string kind)
    {
        sb.Append("<div class=\"card ").Append(kind).Append("\"><div class=\"n\">").Append(E(value)).Append("</div><div class=\"t\">").Append(E(label)).Append("</div>");
        if (delta is not null) sb.Append("<div class=\"d\">").Append(E(delta)).Append("</div>");
        sb.Append("</div>\n");
    }

    private static void CompareRow(StringBuilder sb, string label, int before, int now, CultureInfo sv)
    {
        var d = now - before;
        sb.Append("<tr><th>").Append(E(label)).Append("</th>").Append(Num(before, sv)).Append(Num(now, sv))
          .Append("<td class=\"num\">").Append(d > 0 ? "+" : d < 0 ? "−" : "±").Append(Math.Abs(d).ToString("N0", sv)).Append("</td></tr>\n");
    }

    private static void FileTable(StringBuilder sb, IReadOnlyList<ReportFile> files, int total, string whatHeader, string whyHeader, string? fullList)
    {
        if (files.Count == 0) return;
        sb.Append("<table>\n<thead><tr><th>Fil</th><th>Förvaltning</th><th>").Append(E(whatHeader)).Append("</th><th>").Append(E(whyHeader)).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var f in files.OrderBy(f => f.What, StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal))
        {
            sb.Append("<tr><td class=\"path\">").Append(E(f.Path)).Append("</td><td>").Append(E(f.Department)).Append("</td><td>")
              .Append(E(f.What)).Append("</td><td>").Append(E(f.Why)).Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        if (total > files.Count)
        {
            sb.Append("<p class=\"hint\">… och ").Append((total - files.Count).ToString("N0", HtmlReportSink.Swedish)).Append(" till")
              .Append(fullList is null ? "." : " (se " + E(fullList) + ").").Append("</p>\n");
        }
    }

    private const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:0;background:#f4f5f7;color:#1d2330;line-height:1.4}
        main{max-width:1120px;margin:0 auto;padding:20px 24px 40px}
        h1{margin:0 0 4px;font-size:1.7em}h2{margin:0 0 12px;font-size:1.25em}h3{margin:14px 0 6px;font-size:1.05em}
        .meta{color:#5b6472;margin:0 0 12px}
        .banner{padding:10px 14px;border-radius:6px;font-weight:600;margin:0}
        .banner.ok{background:#e8f5e9;color:#1b5e20;border:1px solid #a5d6a7}.banner.bad{background:#ffebee;color:#b71c1c;border:1px solid #ef9a9a}
        section{background:#fff;border-radius:8px;padding:16px 20px;margin:16px 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(190px,1fr));gap:12px}
        .card{border:1px solid #e1e4e8;border-left:6px solid #78909c;border-radius:6px;padding:10px 12px}
        .card.warn{border-left-color:#c62828}.card.blind{border-left-color:#6a1b9a}.card.good{border-left-color:#2e7d32}
        .card .n{font-size:2em;font-weight:700}.card .t{color:#333}.card .d{color:#5b6472;font-size:.85em}
        .two{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:16px}
        svg.chart{max-width:100%;height:auto}svg text.l{font-size:13px;fill:#333}svg text.v{font-size:12px;fill:#333;font-weight:600}
        table{border-collapse:collapse;width:100%;margin:6px 0}table.narrow{width:auto;min-width:50%}
        th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e3e6ea;vertical-align:top}thead th{background:#f0f2f5}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .file{word-break:break-word}
        .path{font-family:ui-monospace,Consolas,"DejaVu Sans Mono",monospace;font-size:12px;word-break:break-all}
        .barcol{width:30%}.bar{display:inline-block;height:12px;background:#ef6c00;border-radius:3px}
        .hint{color:#5b6472;font-size:.9em}.note{background:#fff8e1;padding:6px 10px;border-radius:4px}
        .legend{font-size:.9em;color:#333}.sw{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:middle;margin:0 4px 0 10px}
        tr.problem th,tr.problem td{color:#b71c1c;font-weight:600}
        footer{color:#5b6472;font-size:.85em;margin-top:20px}
        @media print{body{background:#fff}section{box-shadow:none;border:1px solid #ddd;break-inside:avoid}}
        """;
}
