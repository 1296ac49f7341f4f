namespace ClassScan.Classification.Features;

/// <summary>The groups of finding kinds the model counts.</summary>
internal enum FindingCategory
{
    IdentityNumber,
    InterimNumber,
    Health,
    /// <summary>Art. 9 categories other than health, art. 10 offences, social-services measures, protected identity.</summary>
    SensitiveCategory,
    OslMarking,
    /// <summary>Running text citing OSL: typical of public texts that discuss the law (a hard negative), never a marking.</summary>
    OslMention,
    Individual,
    /// <summary>A kind this model version does not know; not counted, so a new detector cannot shift old models.</summary>
    Other,
}
