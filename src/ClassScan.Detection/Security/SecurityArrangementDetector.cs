using System.Buffers;
using System.Text.RegularExpressions;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Security;

/// <summary>
/// Concrete details of security arrangements (OSL 18 kap. 8 §; classification-policy.md, Hard cases: "alarm and
/// door codes, where cameras are blind, guard schedules, key lists, network addresses of control systems"),
/// Kind <see cref="FindingKinds.KonfidentiellUppgift"/>, Detail <see cref="ConfidentialDetails.Sakerhet"/>:
/// <list type="bullet">
/// <item>an alarm, door, gate or key-cabinet code with its digits, directly or in a list under a code heading
/// ("Larmkoder:" then "- Huvudentré: 6184") — High;</item>
/// <item>a camera that does not see a place ("kamera 3 täcker inte hörnet vid …", "död vinkel", "ur funktion"),
/// stated as a fact: a sentence with a number or a place, not a rule ("kameror ska placeras så att …") — High;</item>
/// <item>a guard round with two clock times in its line, a schedule ("Rond 1: 22.30–23.00", "ronderar kl 22.10
/// och 02.40") — High; one time is an event or an opening hour;</item>
/// <item>a key list: a table whose header names keys, tags or cards and their holders or doors, with rows — High;
/// a line naming three or more keys by id and door ("K3 (förrådet), K7 (teknikrum)") — Medium;</item>
/// <item>an IPv4 address next to a control or security system (PLC, SCADA, DUC, passersystem, larmcentral,
/// kamerasystem, door controller) in its line, or for an internal address in a heading above it — High.</item>
/// </list>
/// A general policy or routine (how to order cards, that codes must not be written down) has no such detail and
/// yields nothing. At most one finding per segment and kind of detail. The sample names the kind ("larmkod: ****",
/// "kamera: död vinkel", "rond: kl **.**", "nyckellista", "styrsystem: 10.*.*.*"), never the value.
/// Singleton, thread-safe, never throws.
/// </summary>
internal sealed partial class SecurityArrangementDetector : IDetector
{
    public const string DetectorId = "se.sakerhetsskydd";

    /// <summary>Lines after a code heading ("Larmkoder:") that may hold its codes.</summary>
    private const int HeadingScope = 8;

    /// <summary>Lines above an address that may name the system it belongs to (a heading, a table header).</summary>
    private const int AddressContextLines = 6;

    public string Id => DetectorId;

    public void Detect(ExtractedText text, ICollection<Finding> findings)
    {
        if (text is null || findings is null) return;
        for (var i = 0; i < text.Segments.Count; i++)
        {
            var t = text.Segments[i]?.Text;
            if (t is null || t.Length < 8) continue;
            try
            {
                // Each part runs only when a word it cannot match without is in the segment (a cheap vectorised
                // search), and per line only on lines holding that word: no substring or regex per line otherwise.
                var lines = SplitLines(t);
                // The word gates are the cue regexes' own literals, searched at once (CueSearch.MayHold) before them.
                if (CueSearch.MayHold(t, CodeWords) && CodeCue().IsMatch(t)) Add(findings, i, AccessCode(t, lines), Confidence.High, "larmkod: ****");
                // Only a sentence with a camera word counts: without one in the segment no blind phrase is looked for.
                if (CueSearch.MayHold(t, CameraWords)) Add(findings, i, BlindCamera(t), Confidence.High, "kamera: död vinkel");
                if (CueSearch.MayHold(t, RoundWords) && RoundCue().IsMatch(t) && GuardRound(t, lines) is { } round) Add(findings, i, (round.Start, round.Length), round.Confidence, "rond: kl **.**");
                if (CueSearch.MayHold(t, KeyWords) && KeyCue().IsMatch(t) && KeyList(t, lines) is { } keys) Add(findings, i, (keys.Start, keys.Length), keys.Confidence, "nyckellista");
                if (Ipv4().IsMatch(t)) Add(findings, i, ControlAddress(t, lines), Confidence.High, "styrsystem: *.*.*.*");
            }
            catch (RegexMatchTimeoutException)
            {
                // Pathological input: skip the segment rather than stall the scan.
            }
        }
    }

    // The literals of CodeCue, Camera (every alternative holds one), RoundCue and KeyCue, for CueSearch.MayHold.
    private static readonly SearchValues<string> CodeWords = SearchValues.Create(["kod"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> CameraWords = SearchValues.Create(["kamer", "camera", "cctv"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> RoundWords = SearchValues.Create(
        ["rond", "väktar", "ordningsvakt", "vakterna", "patrull", "guard", "patrol"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> KeyWords = SearchValues.Create(
        ["nyckel", "nycklar", "tagg", "brick", "passerkort", "kortnummer", "key", "fob"], StringComparison.OrdinalIgnoreCase);

    private static void Add(ICollection<Finding> findings, int segment, (int Start, int Length)? hit, Confidence confidence, string sample)
    {
        if (hit is not { } h) return;
        findings.Add(new Finding(DetectorId, FindingKinds.KonfidentiellUppgift, confidence, segment, h.Start, h.Length, sample, ConfidentialDetails.Sakerhet));
    }

    // "Dörrkod personalingången: 2580", "kod till nyckelskåpet: 0482", "Larmkoder:" heading + "- Entré: 6184".
    private static (int, int)? AccessCode(string t, List<(int Start, int End)> lines)
    {
        for (var l = 0; l < lines.Count; l++)
        {
            var (s, e) = lines[l];
            if (!CodeCue().IsMatch(t.AsSpan(s, e - s))) continue;
            var line = t[s..e];
            foreach (Match label in CodeLabel().Matches(line))
            {
                // "kod" alone is also an account or product code: only with a door, lock or alarm in its line.
                if (label.Groups["plain"].Success && !AccessPlace().IsMatch(line)) continue;
                var after = line[(label.Index + label.Length)..];
                var cut = SentenceCut(after);
                if (CodeDigits().Match(after[..cut]) is { Success: true } d && !IsYear(d.Value))
                    return (s + label.Index, label.Length);
            }
            // A heading naming codes and ending in ":" (or a table header): its list or rows hold the codes.
            if (CodeHeading().IsMatch(line))
            {
                for (var k = l + 1; k < lines.Count && k <= l + HeadingScope; k++)
                {
                    var item = t[lines[k].Start..lines[k].End];
                    if (item.Trim().Length == 0) break;
                    if (ListedCode().IsMatch(item)) return (s, e - s);
                }
            }
        }
        return null;
    }

    // A camera that does not see somewhere, as a fact about a place.
    private static (int, int)? BlindCamera(string t)
    {
        foreach (Match m in BlindPhrase().Matches(t))
        {
            var (start, end) = Sentence(t, m.Index);
            var sentence = t[start..end];
            if (!Camera().IsMatch(sentence)) continue;
            if (RuleCue().IsMatch(sentence)) continue;
            // A heading number ("3 Kameror och döda vinklar") is no place.
            if (!Concrete().IsMatch(HeadingNumber().Replace(sentence, ""))) continue;
            return (m.Index, m.Length);
        }
        return null;
    }

    // Guard rounds with times: "Rond 1: 22.30–23.00 …", "ronderar mån–fre kl 22.10 och 02.40".
    private static (int Start, int Length, Confidence Confidence)? GuardRound(string t, List<(int Start, int End)> lines)
    {
        foreach (var (s, e) in lines)
        {
            if (!RoundCue().IsMatch(t.AsSpan(s, e - s))) continue;
            var line = t[s..e];
            var word = RoundWord().Match(line);
            if (!word.Success) continue;
            // Two times make a schedule ("22.30–23.00", "kl 22.10 och 02.40"); one time is an event or an opening hour.
            if (ClockTime().Count(line) >= 2) return (s + word.Index, word.Length, Confidence.High);
        }
        return null;
    }

    // Key lists: a table header with keys/cards and holders/doors plus rows; or a line of key ids with doors.
    private static (int Start, int Length, Confidence Confidence)? KeyList(string t, List<(int Start, int End)> lines)
    {
        for (var l = 0; l < lines.Count; l++)
        {
            var (s, e) = lines[l];
            if (!KeyCue().IsMatch(t.AsSpan(s, e - s))) continue;
            var line = t[s..e];
            var sep = line.Contains('\t') ? '\t' : line.Contains('|') ? '|' : '\0';
            if (sep != '\0' && IsKeyListHeader(line.Split(sep)))
            {
                var rows = 0;
                for (var k = l + 1; k < lines.Count && rows < 2; k++)
                {
                    var row = t[lines[k].Start..lines[k].End];
                    if (!row.Contains(sep)) break;
                    if (row.Replace(sep, ' ').Replace('-', ' ').Trim().Length > 0) rows++;
                }
                if (rows >= 2) return (s, e - s, Confidence.High);
            }
            if (KeyWord().IsMatch(line) && KeyWithDoor().Count(line) >= 3) return (s, e - s, Confidence.Medium);
        }
        return null;
    }

    // The list is about keys: a key column first or second (a booking list's "Nyckelkort" column at the end is
    // an aside), and a holder or door column beside it.
    private static bool IsKeyListHeader(string[] cells)
    {
        var keyColumn = -1;
        for (var c = 0; c < cells.Length && c < 2; c++)
            if (KeyHeader().IsMatch(cells[c]) && cells[c].Trim().Length <= 30) { keyColumn = c; break; }
        if (keyColumn < 0) return false;
        for (var c = 0; c < cells.Length; c++)
            if (c != keyColumn && HolderHeader().IsMatch(cells[c])) return true;
        return false;
    }

    // An IPv4 address of a control or security system: the system named in the line or a heading above it.
    private static (int, int)? ControlAddress(string t, List<(int Start, int End)> lines)
    {
        if (!t.Contains('.')) return null;
        for (var l = 0; l < lines.Count; l++)
        {
            var (s, e) = lines[l];
            if (!Ipv4().IsMatch(t.AsSpan(s, e - s))) continue;
            var line = t[s..e];
            foreach (Match ip in Ipv4().Matches(line))
            {
                if (!IsAddress(ip.Value)) continue;
                // A heading above names the system only for an internal address (10/8, 172.16/12, 192.168/16):
                // a public address under a heading is usually an example in a text about configuration.
                var reach = IsPrivate(ip.Value) ? AddressContextLines : 0;
                for (var k = l; k >= 0 && k >= l - reach; k--)
                {
                    if (ControlSystem().IsMatch(t.AsSpan(lines[k].Start, lines[k].End - lines[k].Start).ToString()))
                        return (s + ip.Index, ip.Length);
                }
            }
        }
        return null;
    }

    private static bool IsAddress(string dotted)
    {
        var parts = dotted.Split('.');
        if (parts.Length != 4) return false;
        foreach (var p in parts)
            if (!int.TryParse(p, out var n) || n > 255 || (p.Length > 1 && p[0] == '0')) return false;
        return true;
    }

    private static bool IsPrivate(string dotted)
    {
        var parts = dotted.Split('.');
        var a = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var b = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return a == 10 || (a == 172 && b is >= 16 and <= 31) || (a == 192 && b == 168);
    }

    private static bool IsYear(string digits) =>
        digits.TrimEnd('#', '*').Length == 4 && int.TryParse(digits.TrimEnd('#', '*'), out var y) && y is >= 1950 and <= 2039;

    // Where the label's sentence ends within a line: ". " before a capital.
    private static int SentenceCut(string s)
    {
        for (var i = 0; i + 2 < s.Length; i++)
            if (s[i] is '.' or '!' or '?' && s[i + 1] == ' ' && char.IsUpper(s[i + 2])) return i + 1;
        return s.Length;
    }

    private static (int Start, int End) Sentence(string t, int position)
    {
        var start = position;
        while (start > 0 && t[start - 1] != '\n' && !(t[start - 1] == ' ' && start >= 2 && t[start - 2] is '.' or '!' or '?')) start--;
        var end = position;
        while (end < t.Length && t[end] != '\n' && !(t[end] is '.' or '!' or '?' && (end + 1 == t.Length || t[end + 1] is ' ' or '\n'))) end++;
        return (start, end);
    }

    private static List<(int Start, int End)> SplitLines(string t)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i <= t.Length; i++)
        {
            if (i < t.Length && t[i] != '\n') continue;
            var end = i > start && t[i - 1] == '\r' ? i - 1 : i;
            lines.Add((start, end));
            start = i + 1;
        }
        return lines;
    }

    /// <summary>Labels of physical access codes (not a PIN of one's own card: that is the credential detector's).</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?:(?:larm|dörr|port|passer|nyckelskåps?|personal|sektions|hot|överfalls|bevaknings|grind|entré|tillkopplings|frånkopplings|intrångs)kod(?:en)?|kodlås(?:et)?|(?<plain>kod(?:en)?))(?![\p{L}\d])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex CodeLabel();

    /// <summary>A word every <see cref="CodeLabel"/> and <see cref="CodeHeading"/> alternative holds, same case rules: a gate.</summary>
    [GeneratedRegex(@"kod", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex CodeCue();

    /// <summary>A word every <see cref="RoundWord"/> alternative holds: a gate.</summary>
    [GeneratedRegex(@"rond|väktar|ordningsvakt|vakterna|patrull|guard|patrol", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex RoundCue();

    /// <summary>A word every <see cref="KeyHeader"/> and <see cref="KeyWord"/> alternative holds: a gate.</summary>
    [GeneratedRegex(@"nyckel|nycklar|tagg|brick|passerkort|kortnummer|key|fob", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex KeyCue();

    [GeneratedRegex(@"(?:larm|dörr|port|entré|ingång|skåp|kodlås|passer|grind|panel|tillkoppl|frånkoppl|tillslag|frånslag|låst|lås\b|kulvert|förråd)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex AccessPlace();

    [GeneratedRegex(@"(?<![\d:.,/-])\d{4,8}[#*]?(?![\d:,/-]|\.\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex CodeDigits();

    [GeneratedRegex(@"(?:larm|dörr|port|passer|grind|entré)?koder\b[^\n]*:\s*$|^\s*(?:larmkoder|dörrkoder|koder|portkoder)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex CodeHeading();

    /// <summary>A list item or row ending in a code: "- Förråd och varumottagning: 3907#", "Arkivet\t9063".</summary>
    [GeneratedRegex(@"[:\t]\s*\d{4,8}[#*]?(?:\s+följt av\s+\w|\s*[.(]|\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex ListedCode();

    [GeneratedRegex(@"\b(?:täcker\s+inte|ser\s+inte|syns\s+inte|inte\s+syns|inte\s+täck\w*|död(?:a)?\s+vinkl?\w*|blind\s?fläck\w*|ur\s+funktion|ingen\s+kamera|saknar\s+kamera|utan\s+kamera\w*|är\s+trasig|fungerar\s+inte|not\s+covered|blind\s+spot)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex BlindPhrase();

    [GeneratedRegex(@"\b(?:kamer\w*|övervakningskamer\w*|camera\w*|cctv)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex Camera();

    /// <summary>Words of rules and conditions: a sentence with one states a policy, not a fact about a place.</summary>
    [GeneratedRegex(@"\b(?:ska|skall|bör|måste|om|ifall|undvik\w*|krav\w*|should|must|shall|if)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex RuleCue();

    /// <summary>A number or a place in the sentence: "kamera 3", "hörnet vid soprummet", "mot parkeringen".</summary>
    [GeneratedRegex(@"\d|\b(?:vid|mot|längs|bakom|hörn\w*|entré\w*|ingång\w*|dörr\w*|parkering\w*|staket\w*|gård\w*|trappa\w*|korridor\w*|rum\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex Concrete();

    [GeneratedRegex(@"^\s*\d+(?:\.\d+)*\.?\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex HeadingNumber();

    [GeneratedRegex(@"\b(?:rond|ronden|ronder|ronderna|rond\s\d|rondering\w*|ronderar|ronderande|ronderas|vaktrond\w*|bevakningsrond\w*|väktar\w*|ordningsvakt\w*|vakterna|patrullering\w*|guard\s+rounds?|patrols?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex RoundWord();

    /// <summary>"22.30", "02:15", "kl 4.30": a two-digit hour, or any hour after "kl".</summary>
    [GeneratedRegex(@"(?:(?<=\bkl\.?\s?)(?:[01]?\d|2[0-3])|(?<![\d.:,/-])(?:[01]\d|2[0-3]))[.:][0-5]\d(?![\d.:,/-]|\.\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"\b(?:nyckel\w*|nycklar\w*|tagg\w*|bricka|brickor|passerkort\w*|kortnummer|key|keys|fob)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex KeyHeader();

    [GeneratedRegex(@"\b(?:namn|innehavare|finns hos|utlämnad\w*|kvitter\w*|ansvarig|person|dörr\w*|utrymme\w*|zon\w*|öppnar|behörighet\w*|holder|door\w*|issued)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex HolderHeader();

    [GeneratedRegex(@"\b(?:nyckel\w*|nycklar\w*|tagg\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex KeyWord();

    /// <summary>"K3 (konsthallens förråd)", "N12 – arkivet": a key id and the door it opens.</summary>
    [GeneratedRegex(@"\b[A-ZÅÄÖ]{1,3}-?\d{1,4}\s*(?:\([^)\n]{3,40}\)|[–-]\s*\p{L}+)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex KeyWithDoor();

    [GeneratedRegex(@"(?<![\d.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d]|\.\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex Ipv4();

    [GeneratedRegex(@"\b(?:plc\w*|scada|hmi|styrsystem\w*|fastighetsautomation|fastighetssystem\w*|duc|undercentral\w*|bms|modbus|bacnet|passersystem\w*|passagesystem\w*|passerkontroll\w*|larmsystem\w*|larmcentral\w*|larmpanel\w*|inbrottslarm\w*|kamerasystem\w*|övervakningskamer\w*|nvr|dörrcentral\w*|door\s+controllers?|kortläsar\w*|låsplattform\w*|låssystem\w*|ventilationsaggregat\w*|värmepump\w*|trygghetslarm\w*|ups|elcentral\w*)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex ControlSystem();
}
