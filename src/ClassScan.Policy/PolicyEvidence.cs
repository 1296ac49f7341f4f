using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Privacy;

namespace ClassScan.Policy;

/// <summary>
/// One document's findings sorted into what the rule book weighs: markings, identity numbers, named persons,
/// sensitive categories and level-2 details, each with its position in the document, so that "the same passage"
/// (<see cref="KlassaRuleEngine.PassageWindow"/>) is decided in one place. Strong evidence is Medium confidence or
/// more; weak evidence (Low) is only ever a candidate the classifier may lean on, never a floor. Built per document;
/// not thread-safe, never throws.
/// </summary>
public sealed class PolicyEvidence
{
    private readonly ExtractedText text;
    private readonly long[] starts;

    public PolicyEvidence(IReadOnlyList<Finding> findings, ExtractedText text)
    {
        ArgumentNullException.ThrowIfNull(findings);
        this.text = text ?? throw new ArgumentNullException(nameof(text));
        starts = new long[text.Segments.Count];
        long at = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = at;
            at += text.Segments[i].Text.Length + 1;
        }

        var markingLevel = 0;
        foreach (var f in findings)
        {
            if (f is null) continue;
            var strong = f.Confidence >= Confidence.Medium;
            switch (f.Kind)
            {
                case FindingKinds.OslMarkering when strong:
                    var level = OslProvisions.ImpliedLevelOf(f.Detail);
                    if (level > markingLevel) { markingLevel = level; StrongestMarking = f; }
                    break;
                case FindingKinds.OslMarkering:
                    WeakMarking ??= f;
                    break;
                case FindingKinds.Personnummer or FindingKinds.Samordningsnummer or FindingKinds.Interimsnummer:
                    IdentityNumbers.Add(f);
                    break;
                case FindingKinds.Individ when f.Detail == IndividualDetails.Namn:
                    (strong ? NamedPersons : WeakNamedPersons).Add(f);
                    break;
                case FindingKinds.Individ when f.Detail == IndividualDetails.Adress && strong:
                    Address ??= f;
                    break;
                // A social-services or care case number (Medium) is itself a sign of a social-services matter.
                case FindingKinds.Individ when f.Detail == IndividualDetails.Arende:
                    (strong ? Sensitive : WeakSensitive).Add(f);
                    break;
                case FindingKinds.Halsa or FindingKinds.KansligKategori:
                    (strong ? Sensitive : WeakSensitive).Add(f);
                    break;
                case FindingKinds.KonfidentiellUppgift:
                    SortDetail(f, strong);
                    break;
            }
        }
    }

    /// <summary>The marking (Medium+) implying the highest level, or null.</summary>
    public Finding? StrongestMarking { get; }

    /// <summary>A marking-like line the detector was unsure of (Low), or null: a candidate, not a floor.</summary>
    public Finding? WeakMarking { get; }

    /// <summary>Personnummer, samordningsnummer and interim numbers (validated by their detector).</summary>
    public List<Finding> IdentityNumbers { get; } = [];

    /// <summary>Named private persons at Medium+ confidence (<see cref="IdentifiedIndividual.IsNamedPerson"/>).</summary>
    public List<Finding> NamedPersons { get; } = [];

    /// <summary>Names the recogniser was unsure of (Low).</summary>
    public List<Finding> WeakNamedPersons { get; } = [];

    /// <summary>Health, other art. 9, art. 10, social-services and protected-identity findings at Medium+.</summary>
    public List<Finding> Sensitive { get; } = [];

    /// <summary>Sensitive words the detectors rate Low (population sentences, weak words).</summary>
    public List<Finding> WeakSensitive { get; } = [];

    public Finding? Address { get; }
    public Finding? Credential { get; private set; }
    public Finding? Security { get; private set; }
    public Finding? Tender { get; private set; }
    public Finding? Salary { get; private set; }

    /// <summary>Level-2 details rated Low: a candidate the classifier may lean on.</summary>
    public Finding? WeakDetail { get; private set; }

    /// <summary>True when some finding identifies a person (policy rule 3's "identifiable individual").</summary>
    public bool HasIdentifiedIndividual => IdentityNumbers.Count > 0 || NamedPersons.Count > 0;

    /// <summary>
    /// The first identified individual and sensitive finding in one passage (rule 2). With
    /// <paramref name="strongOnly"/> false, one side may be weak: a candidate for the classifier, never a floor.
    /// </summary>
    public (Finding Person, Finding Sensitive)? FirstPairInPassage(bool strongOnly)
    {
        var pair = FirstPair(Persons(strong: true), Sensitive);
        if (pair is not null || strongOnly) return pair;
        // A doubtful single word ("Maria" of lex Maria, a capitalised heading) is no candidate: a doubtful name
        // must at least be a first name and a surname.
        return FirstPair(Persons(strong: true), WeakSensitive) ?? FirstPair(WeakNamedPersons.Where(IsFullName), Sensitive);
    }

    /// <summary>A named person (or, unless <paramref name="namesOnly"/>, an identity number) in the passage of <paramref name="detail"/>.</summary>
    public Finding? NearNamedPerson(Finding? detail, bool namesOnly = false)
    {
        if (detail is null) return null;
        var at = Position(detail);
        foreach (var p in namesOnly ? NamedPersons : Persons(strong: true))
            if (Math.Abs(Position(p) - at) <= KlassaRuleEngine.PassageWindow) return p;
        return null;
    }

    /// <summary>", sida 2": the masked location of a finding, for use inside parentheses; empty when unknown.</summary>
    public string Where(Finding f)
    {
        var location = Location(f);
        return location.Length == 0 ? "" : ", " + location;
    }

    /// <summary>" (sida 2)": the masked location of a finding after a phrase; empty when unknown.</summary>
    public string At(Finding f)
    {
        var location = Location(f);
        return location.Length == 0 ? "" : $" ({location})";
    }

    private string Location(Finding f) =>
        f.SegmentIndex >= 0 && f.SegmentIndex < text.Segments.Count ? SafeText.Message(text.Segments[f.SegmentIndex].Location, 60) : "";

    private bool IsFullName(Finding f) =>
        f.SegmentIndex >= 0 && f.SegmentIndex < text.Segments.Count && f.Start >= 0 && f.Length > 0
        && f.Start + f.Length <= text.Segments[f.SegmentIndex].Text.Length
        && text.Segments[f.SegmentIndex].Text.AsSpan(f.Start, f.Length).Trim().Contains(' ');

    private IEnumerable<Finding> Persons(bool strong)
    {
        foreach (var f in IdentityNumbers) yield return f;
        foreach (var f in strong ? NamedPersons : WeakNamedPersons) yield return f;
    }

    private (Finding, Finding)? FirstPair(IEnumerable<Finding> persons, List<Finding> sensitive)
    {
        if (sensitive.Count == 0) return null;
        foreach (var a in persons)
        {
            var aPos = Position(a);
            var aWide = IsDocumentWide(a);
            foreach (var s in sensitive)
            {
                // A sensitive word in a title or subject speaks for the whole document only when the detector is
                // sure it is about a person; "Insatser enligt LSS" as a title must not pair with any name.
                var sWide = IsDocumentWide(s) && s.Confidence == Confidence.High;
                if (aWide || sWide || Math.Abs(aPos - Position(s)) <= KlassaRuleEngine.PassageWindow) return (a, s);
            }
        }
        return null;
    }

    private void SortDetail(Finding f, bool strong)
    {
        if (!strong)
        {
            WeakDetail ??= f;
            return;
        }
        switch (f.Detail)
        {
            case ConfidentialDetails.Inloggning: Credential ??= f; break;
            case ConfidentialDetails.Sakerhet: Security ??= f; break;
            case ConfidentialDetails.Anbud: Tender ??= f; break;
            case ConfidentialDetails.Lon: Salary ??= f; break;
        }
    }

    private long Position(Finding f) =>
        f.SegmentIndex >= 0 && f.SegmentIndex < starts.Length ? starts[f.SegmentIndex] + f.Start : long.MinValue / 4;

    // A header, footer, e-mail subject or document title speaks for the whole document ("Klient: ..." in the header).
    private bool IsDocumentWide(Finding f) =>
        f.SegmentIndex >= 0 && f.SegmentIndex < text.Segments.Count &&
        text.Segments[f.SegmentIndex].Kind is SegmentKind.Header or SegmentKind.Footer or SegmentKind.Metadata;
}
