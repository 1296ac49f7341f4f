using System.Globalization;
using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Classification;

/// <summary>
/// The verdict a scan reports: the rule engine's floor, which the model can never lower, combined with the
/// model, which may raise a level (sensitive narrative without keywords) and decides public 0 versus internal 1
/// where no rule applies. A raise above the floor needs a clear majority (<see cref="RaiseThreshold"/>), because
/// a false flag costs a department an hour and the reason then names the model, not a rule. Thread-safe.
/// </summary>
public sealed class RulesWithModelPolicy(IClassificationPolicy rules, ILevelModel model) : IClassificationPolicy
{
    /// <summary>Probability the model must give a higher level before it overrides the rules' floor.</summary>
    public const float RaiseThreshold = 0.6f;

    public ClassificationResult Classify(IReadOnlyList<Finding> findings, ExtractedText text)
    {
        var floor = rules.Classify(findings, text);
        var prediction = model.Predict(text, findings);

        if (floor.Level >= KlassaLevel.Konfidentiell)
        {
            var p3 = prediction.Probability(KlassaLevel.StriktKonfidentiell);
            if (floor.Level == KlassaLevel.Konfidentiell && p3 >= RaiseThreshold && HasIndividual(findings))
                return new(KlassaLevel.StriktKonfidentiell, $"{floor.Reason}, och texten liknar känsliga ärenden om enskilda (klassificeraren {Percent(p3)})", floor.RuleId + "+ML-3");
            return floor;
        }

        // No rule proved level 2-3: the model may raise on a clear majority, else it tells public from internal.
        // Level 3 is about an identifiable person (policy rule 2): without any individual in the findings the
        // model can say "konfidentiell" but never "strikt konfidentiell" on vocabulary alone.
        var mustLeave = prediction.MustLeaveProbability;
        if (mustLeave >= RaiseThreshold)
        {
            var level = prediction.Probability(KlassaLevel.StriktKonfidentiell) > prediction.Probability(KlassaLevel.Konfidentiell) && HasIndividual(findings)
                ? KlassaLevel.StriktKonfidentiell : KlassaLevel.Konfidentiell;
            return new(level, $"Texten liknar {(level == KlassaLevel.StriktKonfidentiell ? "strikt konfidentiella" : "konfidentiella")} handlingar utan tydlig markering eller personnummer (klassificeraren {Percent(mustLeave)}): granska", $"ML-{(int)level}");
        }
        var p0 = prediction.Probability(KlassaLevel.Oppen);
        var p1 = prediction.Probability(KlassaLevel.Intern);
        return p0 > p1
            ? new(KlassaLevel.Oppen, $"Inga känsliga uppgifter, texten liknar offentliga handlingar (klassificeraren {Percent(p0 / (p0 + p1))})", "R5+ML-0")
            : new(KlassaLevel.Intern, $"Inga känsliga uppgifter, texten liknar internt arbetsmaterial (klassificeraren {Percent(p1 / Math.Max(1e-6f, p0 + p1))})", "R5+ML-1");
    }

    private static bool HasIndividual(IReadOnlyList<Finding> findings)
    {
        foreach (var f in findings)
        {
            if (FindingKinds.IsPersonalIdentityNumber(f.Kind) || f.Kind == FindingKinds.Interimsnummer) return true;
            if (f.Kind == FindingKinds.Individ && f.Detail == "namn" && f.Confidence >= Confidence.Medium) return true;
        }
        return false;
    }

    private static string Percent(float p) => (p * 100).ToString("0", CultureInfo.InvariantCulture) + " %";
}
