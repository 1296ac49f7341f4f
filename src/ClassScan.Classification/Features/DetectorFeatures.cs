using ClassScan.Core.Findings;
using ClassScan.Policy;

namespace ClassScan.Classification.Features;

/// <summary>
/// Turns findings into the fixed numeric vector the model reads beside the text. Counts are log-scaled and
/// fixed-scaled to 0..1 (ln(1+n)/ln(101), capped) so that a list of 200 personnummer does not drown every other
/// signal and the scale does not depend on the training data; booleans are 0/1.
/// The order is part of the model file format: append new features at the end and bump <see cref="Version"/>.
/// </summary>
internal static class DetectorFeatures
{
    /// <summary>Changes whenever the vector's meaning changes; stored in the model metadata.</summary>
    public const int Version = 1;

    public const int Count = 16;

    public static readonly string[] Names =
    [
        "log_identity_numbers", "log_interim_numbers", "log_health", "log_health_low", "log_sensitive_category",
        "log_osl_marking", "log_osl_mention", "log_individual", "has_identity_number", "has_osl_marking",
        "osl_marking_implies_level3", "individual_with_sensitive_same_segment", "identity_with_sensitive_same_segment",
        "many_identity_numbers", "has_sensitive", "has_health_high",
    ];

    // Many numbers together is what the rule book calls a list (level 3 "lists of many personnummer").
    private const int ManyIdentityNumbers = 5;

    private static readonly float LogScale = MathF.Log(101);

    public static float[] Compute(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        int identity = 0, interim = 0, health = 0, healthLow = 0, sensitive = 0, marking = 0, mention = 0, individual = 0;
        bool level3Marking = false, healthHigh = false;
        var identitySegments = new HashSet<int>();
        var sensitiveSegments = new HashSet<int>();
        var individualSegments = new HashSet<int>();

        foreach (var f in findings)
        {
            if (f is null) continue;
            // Low health hits are population sentences or weak words without a person: the detector's own
            // "not about someone" signal, kept apart so the model can learn that general texts are not level 3.
            var strong = f.Confidence >= Confidence.Medium;
            switch (Categorize(f))
            {
                case FindingCategory.IdentityNumber: identity++; identitySegments.Add(f.SegmentIndex); break;
                case FindingCategory.InterimNumber: interim++; identitySegments.Add(f.SegmentIndex); break;
                case FindingCategory.Health when strong:
                    health++;
                    sensitiveSegments.Add(f.SegmentIndex);
                    healthHigh |= f.Confidence == Confidence.High;
                    break;
                case FindingCategory.Health: healthLow++; break;
                case FindingCategory.SensitiveCategory when strong: sensitive++; sensitiveSegments.Add(f.SegmentIndex); break;
                case FindingCategory.OslMarking: marking++; level3Marking |= OslProvisions.ImpliesLevel3(f.Detail); break;
                case FindingCategory.OslMention: mention++; break;
                case FindingCategory.Individual: individual++; individualSegments.Add(f.SegmentIndex); break;
            }
        }

        var v = new float[Count];
        v[0] = Log(identity);
        v[1] = Log(interim);
        v[2] = Log(health);
        v[3] = Log(healthLow);
        v[4] = Log(sensitive);
        v[5] = Log(marking);
        v[6] = Log(mention);
        v[7] = Log(individual);
        v[8] = identity + interim > 0 ? 1 : 0;
        v[9] = marking > 0 ? 1 : 0;
        v[10] = level3Marking ? 1 : 0;
        // Near rule 2 of the policy: an individual *cue* (any Individ finding, doubtful names and role words included)
        // and a sensitive category in one segment. Deliberately wider than the policy's identifiable individual
        // (IdentifiedIndividual): it is a signal for the model, never a floor. Narrowing it to the predicate was
        // measured: it lost a level-3 chat whose subject is named by first name only (dev test recall 1.000 → 0.977).
        v[11] = individualSegments.Overlaps(sensitiveSegments) ? 1 : 0;
        v[12] = identitySegments.Overlaps(sensitiveSegments) ? 1 : 0;
        v[13] = identity + interim >= ManyIdentityNumbers ? 1 : 0;
        v[14] = sensitiveSegments.Count > 0 ? 1 : 0;
        v[15] = healthHigh ? 1 : 0;
        return v;
    }

    public static FindingCategory Categorize(Finding f) => f.Kind switch
    {
        FindingKinds.Personnummer or FindingKinds.Samordningsnummer => FindingCategory.IdentityNumber,
        FindingKinds.Interimsnummer => FindingCategory.InterimNumber,
        FindingKinds.Halsa => FindingCategory.Health,
        FindingKinds.KansligKategori => FindingCategory.SensitiveCategory,
        FindingKinds.OslMarkering => FindingCategory.OslMarking,
        FindingKinds.OslOmnamnande => FindingCategory.OslMention,
        FindingKinds.Individ => FindingCategory.Individual,
        _ => FindingCategory.Other,
    };

    private static float Log(int n) => MathF.Min(1f, MathF.Log(1 + n) / LogScale);
}
