using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;

namespace ClassScan.Pipeline.Tests.Pipeline;

/// <summary>The archive's verdict from its entries' verdicts: each rule with the case that triggers it and the look-alike that must not.</summary>
public sealed class ContainerVerdictTests
{
    private static readonly SourceItem Archive = new("mapp.zip", "mapp.zip", 100, null);

    private static ScanResult Ok(KlassaLevel level, string reason = "skäl", int pnr = 0, int health = 0, params EvidenceItem[] evidence) => new()
    {
        Item = Archive,
        Status = ScanStatus.Ok,
        Classification = new ClassificationResult(level, reason, $"R-{(int)level}"),
        PersonnummerCount = pnr,
        HealthCount = health,
        Evidence = evidence,
    };

    private static ScanResult Status(ScanStatus status, string detail) => new() { Item = Archive, Status = status, StatusDetail = detail };

    private static ScanResult Combine(params (string, ScanResult)[] entries) => ContainerVerdict.Combine(Archive, "sharpcompress-archive", entries, []);

    public static TheoryData<string, ScanStatus, int?> Tables => new()
    {
        // a flagged entry decides, whatever else is in the archive
        { "3,encrypted", ScanStatus.Ok, 3 },
        { "2,error", ScanStatus.Ok, 2 },
        { "0,3,2", ScanStatus.Ok, 3 },
        { "unsupported,2", ScanStatus.Ok, 2 },
        // without one: encrypted before error, error before a clean verdict
        { "0,encrypted", ScanStatus.Encrypted, null },
        { "error,encrypted", ScanStatus.Encrypted, null },
        { "1,error", ScanStatus.Error, null },
        { "0,1", ScanStatus.Ok, 1 },
        { "0,unsupported", ScanStatus.Ok, 0 },
        { "0,notext", ScanStatus.Ok, 0 },
        // nothing read
        { "unsupported,notext", ScanStatus.NoText, null },
        { "", ScanStatus.NoText, null },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Combine_Entries_StatusAndLevelByTheRule(string entries, ScanStatus status, int? level)
    {
        var list = entries.Split(',', StringSplitOptions.RemoveEmptyEntries).Select((e, i) => ($"f{i}", e switch
        {
            "encrypted" => Status(ScanStatus.Encrypted, "krypterad"),
            "error" => Status(ScanStatus.Error, "trasig fil"),
            "unsupported" => Status(ScanStatus.Unsupported, "format som inte läses: .jpg"),
            "notext" => Status(ScanStatus.NoText, "ingen text i filen"),
            _ => Ok((KlassaLevel)int.Parse(e, System.Globalization.CultureInfo.InvariantCulture)),
        })).ToArray();

        var result = Combine(list);

        Assert.Equal(status, result.Status);
        Assert.Equal(level, result.Classification is { } c ? (int)c.Level : null);
    }

    [Fact]
    public void Combine_FlaggedEntries_ReasonNamesTheHighestAndCountsTheOthers()
    {
        var result = Combine(
            ("Elevakter/a.docx", Ok(KlassaLevel.Konfidentiell, "personnummer", pnr: 1)),
            ("Elevakter/beslut.docx", Ok(KlassaLevel.StriktKonfidentiell, "hälsa och individ", pnr: 2, health: 3)),
            ("c.docx", Ok(KlassaLevel.Konfidentiell, "personnummer", pnr: 1)),
            ("öppen.txt", Ok(KlassaLevel.Oppen, pnr: 0)));

        Assert.True(result.MustLeave);
        Assert.Equal("post 'Elevakter/beslut.docx': hälsa och individ (och 2 poster till)", result.Classification!.Reason);
        Assert.Equal("R-3", result.Classification.RuleId);
        Assert.Equal(4, result.PersonnummerCount);
        Assert.Equal(3, result.HealthCount);
    }

    [Fact]
    public void Combine_OneFlaggedEntry_ReasonWithoutACount()
    {
        var result = Combine(("a.docx", Ok(KlassaLevel.Konfidentiell, "personnummer")), ("b.txt", Ok(KlassaLevel.Intern)));

        Assert.Equal("post 'a.docx': personnummer", result.Classification!.Reason);
    }

    [Fact]
    public void Combine_FlaggedEntries_EvidenceMergedPerKindWithEntryLocations()
    {
        var pnr = new EvidenceItem("personnummer", 2, ["sida 2"], "19121212-****", []);
        var health = new EvidenceItem("halsa", 1, ["sida 2"], "d***", ["diagnos"]);
        var result = Combine(
            ("Elevakter/beslut.docx", Ok(KlassaLevel.StriktKonfidentiell, evidence: [pnr, health])),
            ("b.docx", Ok(KlassaLevel.Konfidentiell, evidence: [pnr with { Count = 1, Locations = [] }])),
            ("c.txt", Ok(KlassaLevel.Intern, evidence: [new EvidenceItem("individ", 1, ["brödtext"], "E*** B***", [])])));

        Assert.Equal(["personnummer", "halsa"], result.Evidence.Select(e => e.Kind));
        Assert.Equal(3, result.Evidence[0].Count);
        Assert.Equal(["Elevakter/beslut.docx / sida 2", "b.docx"], result.Evidence[0].Locations);
        Assert.Equal(["diagnos"], result.Evidence[1].Details);
    }

    [Fact]
    public void Combine_StrongerKindInALaterEntry_ComesFirstAsInOneFile()
    {
        var health = new EvidenceItem("halsa", 1, ["text"], "d***", []);
        var pnr = new EvidenceItem("personnummer", 1, ["text"], "19121212-****", []);

        var result = Combine(("a.txt", Ok(KlassaLevel.StriktKonfidentiell, evidence: [health])), ("b.txt", Ok(KlassaLevel.Konfidentiell, evidence: [pnr])));

        Assert.Equal(["personnummer", "halsa"], result.Evidence.Select(e => e.Kind));
    }

    [Fact]
    public void Combine_EntryNameWithPersonnummer_EvidenceLocationMasked()
    {
        var pnr = new EvidenceItem("personnummer", 1, ["brödtext"], "19121212-****", []);

        var result = Combine(("Elevakter/191212121212 beslut.txt", Ok(KlassaLevel.Konfidentiell, evidence: [pnr])));

        Assert.DoesNotContain("191212121212", string.Join(" ", result.Evidence[0].Locations), StringComparison.Ordinal);
    }

    [Fact]
    public void Combine_EncryptedEntries_DetailNamesTheFirstAndCountsTheOthers()
    {
        var result = Combine(("a.txt", Ok(KlassaLevel.Oppen)), ("hemlig.txt", Status(ScanStatus.Encrypted, "krypterad fil")), ("b.7z", Status(ScanStatus.Encrypted, "krypterad")));

        Assert.Equal("post 'hemlig.txt': krypterad fil (och 1 post till)", result.StatusDetail);
        Assert.Null(result.Classification);
    }

    [Fact]
    public void Combine_FailedEntry_ErrorNamingIt()
    {
        var result = Combine(("n.zip", Status(ScanStatus.Error, "gräns MaxNestingDepth: arkiv i arkiv")));

        Assert.Equal("post 'n.zip': gräns MaxNestingDepth: arkiv i arkiv", result.StatusDetail);
    }

    [Fact]
    public void Combine_CleanWithUnsupportedEntry_JudgedWithANote()
    {
        var result = Combine(("a.txt", Ok(KlassaLevel.Intern, "internt")), ("bild.jpg", Status(ScanStatus.Unsupported, "format som inte läses: .jpg")));

        Assert.Equal("post 'a.txt': internt", result.Classification!.Reason);
        Assert.Equal("post 'bild.jpg' inte läst: format som inte läses: .jpg", result.StatusDetail);
    }

    [Fact]
    public void Combine_SeveralCleanEntries_ReasonNamesTheHighestOfHowMany()
    {
        var result = Combine(("a.txt", Ok(KlassaLevel.Oppen, "öppet")), ("b.txt", Ok(KlassaLevel.Intern, "internt")), ("c.txt", Ok(KlassaLevel.Oppen, "öppet")));

        Assert.Equal(KlassaLevel.Intern, result.Classification!.Level);
        Assert.Equal("3 poster bedömda, högst post 'b.txt': internt", result.Classification.Reason);
    }

    [Fact]
    public void Combine_SuspicionOnAnUnflaggedEntry_KeptForReview()
    {
        var suspicious = Ok(KlassaLevel.Intern) with { Classification = new ClassificationResult(KlassaLevel.Intern, "skäl", "R5") { Review = "liknar nivå 3" } };

        var result = Combine(("a.txt", Ok(KlassaLevel.Oppen)), ("b.txt", suspicious));

        Assert.Equal("post 'b.txt': liknar nivå 3", result.Classification!.Review);
    }

    [Fact]
    public void Combine_ArchiveNotes_InTheDetail()
    {
        var result = ContainerVerdict.Combine(Archive, "x", [("a.txt", Ok(KlassaLevel.Oppen))], ["3 poster lästes inte: gräns"]);

        Assert.Equal("3 poster lästes inte: gräns", result.StatusDetail);
    }
}
