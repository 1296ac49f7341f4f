using System.Globalization;
using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Language;
using ClassScan.Policy;

namespace ClassScan.Classification;

/// <summary>
/// The verdict a scan reports: evidence first (classification-policy.md, Hard cases: "Evidence a reviewer can see").
/// The rule engine's floor is never lowered. The model
/// <list type="bullet">
/// <item>tells public 0 from internal 1 where no rule applies;</item>
/// <item>confirms or raises a level-2 floor to 3 when an identified person and a (possibly weak) sensitive finding
/// share a passage;</item>
/// <item>raises a file to 2-3 only on a candidate a detector found and the reason names: a weak name beside sensitive
/// data, a named private person (an HR or private matter), a marking-like line or a level-2 detail the detector was
/// unsure of;</item>
/// <item>never raises a document in another language than Swedish (it was trained on Swedish text);</item>
/// <item>otherwise, however sure it is, only leaves a suspicion (<see cref="ClassificationResult.Review"/>, a
/// "granska" row in review.csv), never a flag.</item>
/// </list>
/// A raise needs a clear majority (<see cref="RaiseThreshold"/>): a false flag costs a department an hour. Thread-safe.
/// </summary>
public sealed class RulesWithModelPolicy(IClassificationPolicy rules, ILevelModel model) : IClassificationPolicy
{
    /// <summary>Probability the model must give a higher level before it raises on a candidate or leaves a suspicion.</summary>
    public const float RaiseThreshold = 0.6f;

    public ClassificationResult Classify(IReadOnlyList<Finding> findings, ExtractedText text)
    {
        var floor = rules.Classify(findings, text);
        // Level 3 is the top: nothing the model says can change it, so it is not asked (the judge stage's hot path).
        if (floor.Level == KlassaLevel.StriktKonfidentiell) return floor;
        var prediction = model.Predict(text, findings);
        var evidence = new PolicyEvidence(findings, text);
        var p3 = prediction.Probability(KlassaLevel.StriktKonfidentiell);

        if (floor.Level >= KlassaLevel.Konfidentiell)
        {
            if (floor.Level == KlassaLevel.Konfidentiell && p3 >= RaiseThreshold && LanguageCodes.AllowsSwedishVocabulary(text.Languages.Document) && evidence.FirstPairInPassage(strongOnly: false) is { } near)
                return floor with
                {
                    Level = KlassaLevel.StriktKonfidentiell,
                    Reason = $"{floor.Reason} – dessutom {KlassaRuleEngine.PersonText(near.Person)} nära {KlassaRuleEngine.SensitiveText(near.Sensitive)}{evidence.At(near.Sensitive)}, och texten liknar känsliga ärenden om enskilda (klassificeraren {Percent(p3)})",
                    RuleId = floor.RuleId + "+ML-3",
                };
            return floor;
        }

        var mustLeave = prediction.MustLeaveProbability;
        var p2 = prediction.Probability(KlassaLevel.Konfidentiell);
        // The model learned Swedish municipal text; on another language its must-leave opinion is noise, so there it
        // neither raises nor leaves a suspicion (rules still apply in every language).
        var modelReadsTheLanguage = LanguageCodes.AllowsSwedishVocabulary(text.Languages.Document);
        if (modelReadsTheLanguage && mustLeave >= RaiseThreshold && Candidate(evidence, p3 > p2) is { } raised)
            return KlassaRuleEngine.WithLanguage(raised with { Reason = $"{raised.Reason} (klassificeraren {Percent(mustLeave)}): granska" }, text);

        var result = PublicOrInternal(prediction);
        if (modelReadsTheLanguage && mustLeave >= RaiseThreshold)
            result = result with
            {
                RuleId = result.RuleId + "+granska",
                Review = $"Klassificeraren bedömer texten som nivå {(p3 > p2 ? 3 : 2)} ({Percent(mustLeave)}), men ingen detektor hittade bevisning (markering, personnummer, namngiven person, hemligt värde): granska manuellt",
            };
        return KlassaRuleEngine.WithLanguage(result, text);
    }

    // A candidate a detector found that the model's suspicion may rest on, strongest first. Level 3 needs a person
    // and sensitive data together (rule 2); a person alone, a doubtful marking or a doubtful level-2 detail gives 2.
    private static ClassificationResult? Candidate(PolicyEvidence evidence, bool modelSaysThree)
    {
        if (evidence.FirstPairInPassage(strongOnly: false) is { } pair)
            return modelSaysThree
                ? new(KlassaLevel.StriktKonfidentiell, $"Trolig uppgift om enskild: {KlassaRuleEngine.PersonText(pair.Person)} nära {KlassaRuleEngine.SensitiveText(pair.Sensitive)}{evidence.At(pair.Sensitive)}", "ML-3-individ-kanslig")
                : new(KlassaLevel.Konfidentiell, $"Trolig uppgift om enskild: {KlassaRuleEngine.PersonText(pair.Person)} nära {KlassaRuleEngine.SensitiveText(pair.Sensitive)}{evidence.At(pair.Sensitive)}", "ML-2-individ-kanslig");
        if (evidence.NamedPersons.Count > 0)
        {
            var person = evidence.NamedPersons[0];
            return new(KlassaLevel.Konfidentiell, $"Namngiven privatperson ({person.MaskedSample}{evidence.Where(person)}) i ett ärende som liknar personliga förhållanden (t.ex. personalärende)", "ML-2-namngiven");
        }
        if (evidence.WeakMarking is { } marking)
            return new(KlassaLevel.Konfidentiell, $"Möjlig sekretessmarkering ({OslProvisions.Citation(marking.Detail)}{evidence.Where(marking)})", "ML-2-markering");
        if (evidence.WeakDetail is { } detail)
            return new(KlassaLevel.Konfidentiell, $"Möjlig konfidentiell uppgift ({detail.MaskedSample}{evidence.Where(detail)})", "ML-2-uppgift");
        return null;
    }

    private static ClassificationResult PublicOrInternal(LevelPrediction prediction)
    {
        var p0 = prediction.Probability(KlassaLevel.Oppen);
        var p1 = prediction.Probability(KlassaLevel.Intern);
        return p0 > p1
            ? new(KlassaLevel.Oppen, $"Inga känsliga uppgifter, texten liknar offentliga handlingar (klassificeraren {Percent(p0 / Math.Max(1e-6f, p0 + p1))})", "R5+ML-0")
            : new(KlassaLevel.Intern, $"Inga känsliga uppgifter, texten liknar internt arbetsmaterial (klassificeraren {Percent(p1 / Math.Max(1e-6f, p0 + p1))})", "R5+ML-1");
    }

    private static string Percent(float p) => (p * 100).ToString("0", CultureInfo.InvariantCulture) + " %";
}
