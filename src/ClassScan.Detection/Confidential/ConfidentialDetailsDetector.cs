using System.Text.RegularExpressions;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Confidential;

/// <summary>
/// Level-2 material the policy names that carries no personnummer: credentials and salaries.
/// <para>
/// A credential (Detail <see cref="ConfidentialDetails.Inloggning"/>, High) is a secret <em>value</em>
/// (classification-policy.md, Hard cases, Passwords: "Level 2 needs a secret value"):
/// a private key block; a connection string whose Password=/Pwd= holds a value; a token with a live/test key
/// prefix (<c>sk_live_</c>, <c>ghp_</c>, <c>whsec_</c>, <c>AKIA…</c>); an "admin / secret" pair; or a label
/// (lösenord, password, PIN, API-nyckel, client secret, WiFi-nyckel, larmkod, dörrkod, kod…) followed in the same
/// sentence by a value that looks like one (<see cref="SecretValue"/>): a mixed token, a quoted pass phrase,
/// 4-8 digits after a PIN or code label, or a code word the reader is told to give ("uppge lösenordet Kungsörn").
/// A table whose header names a credential column counts when a row holds such a value in that column.
/// </para>
/// <para>
/// Text <em>about</em> passwords yields nothing: rules ("byt lösenord var 90:e dag"), delivery routines
/// ("lösenordet skickas via SMS"), references ("lösenordet ligger i valvet"), English "password:" with no value,
/// placeholders ("********", "&lt;ditt lösenord&gt;") and examples or warnings in the same sentence
/// ("till exempel Password123", "använd aldrig Sommar2024").
/// </para>
/// A salary finding (<see cref="ConfidentialDetails.Lon"/>, Medium) is a salary label near money amounts;
/// whether it is about named people is the rule engine's call (proximity to an individual).
/// Singleton, thread-safe, never throws; samples are masked ("lösenord: ****").
/// </summary>
internal sealed partial class ConfidentialDetailsDetector : IDetector
{
    public const string DetectorId = "se.konfidentiellt";

    /// <summary>How far after a salary label an amount may stand (a table header is followed by its rows).</summary>
    private const int SalaryWindow = 300;

    /// <summary>How far after a credential label, within its sentence, the value may stand ("Dörrkod personalingången (kodlås, mot parkeringen): 2580").</summary>
    private const int ValueReach = 90;

    /// <summary>Rows below a table header searched for a credential column's values.</summary>
    private const int TableRows = 25;

    public string Id => DetectorId;

    public void Detect(ExtractedText text, ICollection<Finding> findings)
    {
        if (text is null) return;
        for (var i = 0; i < text.Segments.Count; i++)
        {
            var t = text.Segments[i]?.Text;
            if (t is null || t.Length < 6) continue;
            try
            {
                DetectCredentials(t, i, findings);
                DetectSalaries(t, i, findings);
            }
            catch (RegexMatchTimeoutException)
            {
                // Pathological input: skip the segment rather than stall the scan.
            }
        }
    }

    /// <summary>The first credential in <paramref name="t"/>, or null: (offset, length, masked sample).</summary>
    internal static (int Start, int Length, string Sample)? FindCredential(string t)
    {
        if (PrivateKey().Match(t) is { Success: true } key) return (key.Index, key.Length, "privat nyckel: ****");
        // A connection string: Password=/Pwd= among other key=value pairs separated by ";". A lone "password=x"
        // in prose is a labelled value like any other and must look like a secret below.
        // Each regex below runs only when a literal it cannot match without is in the text: a vectorised search
        // is far cheaper than a regex trying every letter of a long text (a shared-strings sheet of 16 M letters).
        if (t.Contains('='))
        {
            foreach (Match m in ConnectionStringSecret().Matches(t))
                if (!SecretValue.IsPlaceholder(m.Groups["v"].ValueSpan) && m.Groups["v"].Length >= 4 && ConnectionStringKey().IsMatch(LineOf(t, m.Index)))
                    return (m.Index, m.Length, "anslutningssträng: Password=****");
        }
        if (CueSearch.NextAt(AnchoredPrefixedToken(), t, 0, TokenCues, MaxTokenCueOffset) is { } token)
            return (token.Index, token.Length, "api-nyckel: ****");
        if (t.Contains('/'))
        {
            foreach (Match m in UserSecretPair().Matches(t))
                if (SecretValue.LooksLikePassword(m.Groups["v"].ValueSpan) && !IsExampleOrWarning(t, m.Index))
                    return (m.Index, m.Length, "konto: ****");
        }
        var anyLabel = false;
        if (CueSearch.OrdinalCaseHolds(t))
        {
            for (var at = 0; CueSearch.NextAt(AnchoredCredentialLabel(), t, at, LabelCues, MaxLabelCueOffset) is { } label; at = label.Index + label.Length)
            {
                anyLabel = true;
                if (LabelledValue(t, label) && !IsExampleOrWarning(t, label.Index))
                    return (label.Index, label.Length, $"{Canonical(label)}: ****");
            }
        }
        else
        {
            // A letter the regex's case rules equate with an ASCII one ("K", the Kelvin sign) that an ordinal
            // search would not: the whole-text regex, as before the cue search.
            if (!CredentialCue().IsMatch(t)) return null;
            foreach (Match label in CredentialLabel().Matches(t))
            {
                anyLabel = true;
                if (LabelledValue(t, label) && !IsExampleOrWarning(t, label.Index))
                    return (label.Index, label.Length, $"{Canonical(label)}: ****");
            }
        }
        // A table header cell is a part of a line: without a label anywhere in the text there is none in a cell.
        return anyLabel ? TableColumnValue(t) : null;
    }

    /// <summary>Literals every <see cref="PrefixedToken"/> alternative holds (all but four hold "_").</summary>
    private static readonly System.Buffers.SearchValues<string> TokenCues =
        System.Buffers.SearchValues.Create(["_", "sk-", "xox", "AKIA", "AIza"], StringComparison.Ordinal);

    /// <summary>How far into a <see cref="PrefixedToken"/> match its first cue can stand ("abcdefgh_live_": 8).</summary>
    private const int MaxTokenCueOffset = 8;

    /// <summary>
    /// The words of <see cref="CredentialCue"/>: every <see cref="CredentialLabel"/> match holds one, at most
    /// <see cref="MaxLabelCueOffset"/> characters after its start ("bevakningskod").
    /// </summary>
    private static readonly System.Buffers.SearchValues<string> LabelCues = System.Buffers.SearchValues.Create(
        ["pin", "kod", "nyckel", "key", "secret", "token", "psk", "lösen", "pass", "pwd"], StringComparison.OrdinalIgnoreCase);

    private const int MaxLabelCueOffset = 10;


    private static void DetectCredentials(string t, int segment, ICollection<Finding> findings)
    {
        if (FindCredential(t) is not { } hit) return;
        // One credential finding per segment is evidence enough; the sample never holds the value.
        findings.Add(new Finding(DetectorId, FindingKinds.KonfidentiellUppgift, Confidence.High, segment,
            hit.Start, hit.Length, hit.Sample, ConfidentialDetails.Inloggning));
    }

    // The value after a label, within the label's sentence and ValueReach characters.
    private static bool LabelledValue(string t, Match label)
    {
        var kind = KindOf(label);
        if (kind == LabelKind.Wifi && !WifiContext().IsMatch(LineOf(t, label.Index))) return false;
        if (kind == LabelKind.Code && IsPlainCode(label.Value) && !AccessContext().IsMatch(LineOf(t, label.Index))) return false;
        var start = label.Index + label.Length;
        var end = SentenceEnd(t, start, Math.Min(t.Length, start + ValueReach));
        var after = t.AsSpan(start, end - start);

        // A separator (":", "=", "är", "is", a tab or a table bar) and the value right after it.
        var sep = Separator().Match(t, start, end - start);
        if (sep.Success && IsNearLabel(t.AsSpan(start, sep.Index - start)))
        {
            var valueStart = sep.Index + sep.Length;
            var rest = t.AsSpan(valueStart, end - valueStart).TrimStart();
            if (Quoted().Match(rest.ToString()) is { Success: true } q && q.Index == 0)
                return q.Groups["v"].Length is >= 3 and <= 40 && !SecretValue.IsPlaceholder(q.Groups["v"].ValueSpan) && !IsCommonPhrase(q.Groups["v"].Value);
            var value = FirstToken(rest);
            if (kind is LabelKind.Code or LabelKind.Pin && SecretValue.LooksLikeCode(value)) return true;
            if (kind == LabelKind.Key && (SecretValue.LooksLikeKey(value) || SecretValue.LooksLikePassword(value))) return true;
            if (SecretValue.LooksLikePassword(value)) return true;
        }

        // Without a separator: a code or PIN a few words on ("kod 7391", "admin-PIN på väggpanelen 5590").
        if (kind is LabelKind.Code or LabelKind.Pin)
        {
            foreach (Match d in CodeDigits().Matches(after.ToString()))
                if (SecretValue.LooksLikeCode(d.Value) && !IsYear(d.Value)) return true;
        }

        // A spoken code word the reader is told to give: "uppge lösenordet Kungsörn."
        if (kind == LabelKind.Password && CodeWord().Match(t, start, end - start) is { Success: true } w && w.Index == start
            && GiveVerb().IsMatch(t.AsSpan(Math.Max(0, label.Index - 25), Math.Min(25, label.Index)).ToString()))
            return !IsCommonPhrase(w.Groups["v"].Value);

        // A bare mixed token right after the label: "lösen Vinter#Norr2025!".
        return SecretValue.LooksLikePassword(FirstToken(after.TrimStart().TrimStart("=:|").TrimStart()));
    }

    // The separator belongs to the label when at most three words stand between them ("Lösenordet till gästkontot
    // är …") and no clause break: in "password=x; source tests: Y" the colon is another label's.
    private static bool IsNearLabel(ReadOnlySpan<char> gap)
    {
        if (gap.IndexOfAny(";,") >= 0) return false;
        var words = 0;
        var inWord = false;
        foreach (var c in gap)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words <= 3;
    }

    // Tables (tab- or bar-separated lines): a header cell naming a credential, a row with a value in that column.
    private static (int, int, string)? TableColumnValue(string t)
    {
        if (!t.Contains('\t') && !t.Contains('|')) return null;
        var lines = t.Split('\n');
        var offset = 0;
        for (var l = 0; l < lines.Length; l++)
        {
            var line = lines[l];
            var sep = line.Contains('\t') ? '\t' : line.Contains('|') ? '|' : '\0';
            if (sep != '\0' && CredentialLabel().IsMatch(line))
            {
                var cells = line.Split(sep);
                for (var c = 0; c < cells.Length; c++)
                {
                    var header = CredentialLabel().Match(cells[c]);
                    if (!header.Success || cells[c].Trim().Length > 40) continue;
                    var kind = KindOf(header);
                    if (kind == LabelKind.Wifi && !WifiContext().IsMatch(t)) continue;
                    if (kind == LabelKind.Code && IsPlainCode(header.Value) && !AccessContext().IsMatch(t)) continue;
                    for (var r = l + 1; r < lines.Length && r <= l + TableRows; r++)
                    {
                        if (!lines[r].Contains(sep)) break;
                        var row = lines[r].Split(sep);
                        if (c >= row.Length) continue;
                        var value = row[c].AsSpan().Trim().Trim('`');
                        if (SecretValue.LooksLikePassword(value) || (kind is LabelKind.Code or LabelKind.Pin && SecretValue.LooksLikeCode(value))
                            || (kind == LabelKind.Key && SecretValue.LooksLikeKey(value)))
                            return (offset, line.Length, $"{Canonical(header)}: ****");
                    }
                }
            }
            offset += line.Length + 1;
        }
        return null;
    }

    private static void DetectSalaries(string t, int segment, ICollection<Finding> findings)
    {
        foreach (Match label in SalaryLabel().Matches(t))
        {
            var end = Math.Min(t.Length, label.Index + label.Length + SalaryWindow);
            var amounts = Amount().Count(t.AsSpan(label.Index, end - label.Index));
            if (amounts < 1) continue;
            findings.Add(new Finding(DetectorId, FindingKinds.KonfidentiellUppgift, Confidence.Medium, segment,
                label.Index, label.Length, "lön: ****", ConfidentialDetails.Lon));
            return;
        }
    }

    private enum LabelKind { Password, Pin, Code, Key, Wifi }

    private static LabelKind KindOf(Match label) =>
        label.Groups["pin"].Success ? LabelKind.Pin
        : label.Groups["code"].Success ? LabelKind.Code
        : label.Groups["key"].Success ? LabelKind.Key
        : label.Groups["wifi"].Success ? LabelKind.Wifi
        : LabelKind.Password;

    private static string Canonical(Match label) => KindOf(label) switch
    {
        LabelKind.Pin => "pin",
        LabelKind.Code => "kod",
        LabelKind.Key => "nyckel",
        LabelKind.Wifi => "wifi-nyckel",
        _ => "lösenord",
    };

    // "t.ex. Password123", "använd aldrig Sommar2024", "never use ...": an example or a warning, not a value.
    private static bool IsExampleOrWarning(string t, int position)
    {
        var start = SentenceStart(t, position);
        var end = SentenceEnd(t, position, Math.Min(t.Length, position + 160));
        return ExampleCue().IsMatch(t.AsSpan(start, end - start).ToString());
    }

    // "Kod"/"koden" alone is also an account, product or diagnosis code: only with a lock, door or alarm near it.
    private static bool IsPlainCode(string label) =>
        label.StartsWith("kod", StringComparison.OrdinalIgnoreCase);

    // A 4-digit year a few words after "koden" ("koden byts senast 2025") is a date, not the code.
    private static bool IsYear(string digits) =>
        digits.Length == 4 && int.TryParse(digits, out var y) && y is >= 1950 and <= 2039;

    private static bool IsCommonPhrase(string value) => CommonWord().IsMatch(value);

    private static ReadOnlySpan<char> FirstToken(ReadOnlySpan<char> s)
    {
        var end = s.IndexOfAny(" \t\n\r,;|");
        var token = end < 0 ? s : s[..end];
        return token.TrimEnd(".)");
    }

    private static string LineOf(string t, int position)
    {
        var start = t.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        var end = t.IndexOf('\n', position);
        return t[start..(end < 0 ? t.Length : end)];
    }

    // A sentence ends at a newline or at . ! ? followed by a space and a capital (a code "2580." ends it too).
    private static int SentenceEnd(string t, int from, int limit)
    {
        for (var i = from; i < limit; i++)
        {
            if (t[i] == '\n') return i;
            if (t[i] is '.' or '!' or '?' && i + 1 < t.Length && t[i + 1] == ' ' && i + 2 < t.Length && char.IsUpper(t[i + 2])) return i;
        }
        return limit;
    }

    private static int SentenceStart(string t, int position)
    {
        for (var i = Math.Min(position, t.Length) - 1; i > 0 && position - i < 200; i--)
        {
            if (t[i] == '\n') return i + 1;
            if (t[i] == ' ' && t[i - 1] is '.' or '!' or '?' && i + 1 < t.Length && char.IsUpper(t[i + 1])) return i + 1;
        }
        return Math.Max(0, position - 200);
    }

    [GeneratedRegex(@"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"(?:^|[;""'\s])(?:password|pwd)\s*=\s*(?<v>[^;""'\s]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex ConnectionStringSecret();

    [GeneratedRegex(@"(?:server|data source|host|database|initial catalog|user id|uid|username)\s*=[^;\n]*;", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex ConnectionStringKey();

    private const string PrefixedTokenPattern = @"(?<![\w-])(?:(?:sk|pk|rk)_live_[A-Za-z0-9]{16,}|sk-[A-Za-z0-9_-]{20,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|xox[abprs]-[A-Za-z0-9-]{20,}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35}|whsec_[A-Za-z0-9]{20,}|[a-z][a-z0-9]{1,7}_(?:live|prod|test)_[A-Za-z0-9]{20,})(?![\w-])";

    [GeneratedRegex(PrefixedTokenPattern, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex PrefixedToken();

    /// <summary><see cref="PrefixedToken"/> matched only where the search starts (<see cref="CueSearch.NextAt"/>).</summary>
    [GeneratedRegex(@"\G" + PrefixedTokenPattern, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex AnchoredPrefixedToken();

    /// <summary>"admin / Pa55…", "root/…", "svc_x / …": an account and its password written together.</summary>
    [GeneratedRegex(@"(?<![\w/])(?:admin|administrator|root|sa|svc[-_][\w-]+|service)\s*/\s*(?<v>[^\s/]{8,64})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex UserSecretPair();

    // Not inside an identifier or a file name ("forms_no_password.docx", "reset-password"): those name a thing.
    private const string CredentialLabelPattern = @"(?<![\p{L}\d_./\\-])(?:(?<pin>(?:admin-?)?pin(?:-?kod(?:en)?)?|pinkod(?:en)?)|(?<code>(?:larm|dörr|port|passer|nyckelskåps?|nyckel|kodlås|personal|sektions|hot|överfalls|bevaknings|grind|entré)?kod(?:en)?|kod till [\p{L}-]+)|(?<key>api[- ]?(?:nyckel(?:n)?|key)|client[- ]secret|webhook[- ]secret|secret|access[- ]token|token)|(?<wifi>(?:wifi-|wlan-|wpa2?-|nätverks)?nyckel(?:n)?(?:\s*\(wpa2?(?:-psk)?\))?|psk|wifi-lösenord(?:et)?)|engångslösenord(?:et)?|lösenord(?:et)?|lösen|lösenfras(?:en)?|passphrase|passwd|password|pwd)(?![\p{L}\d_]|[.\-/]\w)";

    [GeneratedRegex(CredentialLabelPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex CredentialLabel();

    /// <summary><see cref="CredentialLabel"/> matched only where the search starts (<see cref="CueSearch.NextAt"/>).</summary>
    [GeneratedRegex(@"\G" + CredentialLabelPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex AnchoredCredentialLabel();

    /// <summary>A word every <see cref="CredentialLabel"/> alternative holds, with the same case rules: a cheap gate before it.</summary>
    [GeneratedRegex(@"pin|kod|nyckel|key|secret|token|psk|lösen|pass|pwd", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex CredentialCue();

    [GeneratedRegex(@"\s*(?:\([^)\n]{0,40}\)\s*)?(?:[:=|\t]|\bär\b|\bis\b|\bblir\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^[""“”'`](?<v>[^""“”'`\n]{1,60})[""“”'`]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?<![\d:.,-])\d{4,8}[#*]?(?![\d:,-]|\.\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex CodeDigits();

    [GeneratedRegex(@"\s+(?<v>\p{Lu}\p{Ll}{3,20}\d{0,4})(?=[.,!;]|\s*$)", RegexOptions.CultureInvariant | RegexOptions.Multiline, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex CodeWord();

    [GeneratedRegex(@"\b(?:uppge|uppger|ange|anger|säg|säger|svara|svarar|lämna)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex GiveVerb();

    [GeneratedRegex(@"(?:larm|dörr|port|entré|ingång|skåp|kodlås|passer|lås|grind|nyckel|panel|tillkoppl|frånkoppl|frånslag|tillslag|alarm|door|gate)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex AccessContext();

    [GeneratedRegex(@"\b(?:wifi|wi-fi|wlan|ssid|wpa2?|psk|nätet heter|gästnät\w*|trådlös\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex WifiContext();

    [GeneratedRegex(@"(?:\bt\.\s?ex\b|\btill exempel\b|\bexempel\w*|\bexample|\be\.g\.|\bsåsom\b|\baldrig\b|\bnever\b|\bundvik\w*|\bavoid\b|\bdålig\w*|\bsvag\w*|\bweak\b|\bbad\b|\binte\s+(?:använda|ha|välja|vara)\b|\bdo not use\b|\bdon't use\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex ExampleCue();

    [GeneratedRegex(@"^(?:ditt|din|ert|er|your|the|det|den|detta|samma|nytt|nya|eget|egen|personligt|tillfälligt|ett|en|via|med|från|som|och|eller)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex CommonWord();

    [GeneratedRegex(@"\b(?:månadslön|timlön|årslön|nuvarande lön|ny lön|lönen|lön)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex SalaryLabel();

    [GeneratedRegex(@"(?<![\d,.])\d{2}[ \u00A0]?\d{3}(?:[,.]\d{2})?(?:\s?kr)?(?![\d,])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex Amount();
}
