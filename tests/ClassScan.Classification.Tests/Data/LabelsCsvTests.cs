using ClassScan.Classification.Data;
using ClassScan.Core.Classification;

namespace ClassScan.Classification.Tests.Data;

public sealed class LabelsCsvTests
{
    [Fact]
    public void Read_DevCorpusShape_ParsesColumnsByHeader()
    {
        const string csv = """
            file,split,level,must_leave,pnr_count,health_individual,osl_marking,where,doctype
            train/doc_0002.pptx,train,0,false,0,false,false,body,ks_budgetpresentation
            test/doc_0007.docx,test,0|1,false,0,false,false,body,handwritten
            """;

        var rows = LabelsCsv.Read(new StringReader(csv));

        Assert.Equal(2, rows.Count);
        Assert.Equal(new LabelledDocument("train/doc_0002.pptx", "train", LevelLabel.Of(KlassaLevel.Oppen), "ks_budgetpresentation") { Family = "ks_budgetpresentation" }, rows[0]);
        Assert.True(rows[1].Level.IsAmbiguous);
        Assert.Equal("handwritten", rows[1].DocType);
    }

    [Fact]
    public void Read_SemicolonsQuotesAndNoSplit_Parses()
    {
        const string csv = "level;file\n3;\"Socialtjänst/Akt; Berg.docx\"\n\n2;b.pdf\n";

        var rows = LabelsCsv.Read(new StringReader(csv));

        Assert.Equal(2, rows.Count);
        Assert.Equal("Socialtjänst/Akt; Berg.docx", rows[0].File);
        Assert.Equal("", rows[0].Split);
        Assert.Null(rows[0].DocType);
        Assert.Equal(LevelLabel.Of(KlassaLevel.Konfidentiell), rows[1].Level);
    }

    [Fact]
    public void Read_Dev2AndPublicShapes_TakeFamilyFromFamilyOrSourceRepository()
    {
        const string dev2 = """
            file,split,level,must_leave,family,rationale
            train/a.docx,train,1,false,lulea,"Notes, with a comma"
            """;
        const string publicSv = """
            file,split,level,must_leave,source,license,rationale
            sfs_1949-381.md,train,0|1,false,se-lex/sfs-processor:data/md/1949/sfs-1949-381.md@6d58539d,"no copyright",x
            """;

        Assert.Equal("lulea", Assert.Single(LabelsCsv.Read(new StringReader(dev2))).Family);
        Assert.Equal("se-lex/sfs-processor", Assert.Single(LabelsCsv.Read(new StringReader(publicSv))).Family);
    }

    [Theory]
    // family wins over everything; source gives its repository (before ':' or '@'); then doctype; then the file.
    [InlineData("lulea", "a/b:c.md", "tpl", "x.txt", "lulea")]
    [InlineData("", "owner/repo:path/x.md@abc", "tpl", "x.txt", "owner/repo")]
    [InlineData("", "owner/repo@abc", null, "x.txt", "owner/repo")]
    [InlineData(" ", "owner/repo", null, "x.txt", "owner/repo")]
    [InlineData(null, "", "handwritten", "x.txt", "handwritten")]
    [InlineData(null, null, null, "x.txt", "file:x.txt")]
    public void Family_Columns_PickTheMostSpecificGroup(string? family, string? source, string? docType, string file, string expected)
    {
        Assert.Equal(expected, LabelsCsv.Family(family, source, docType, file));
    }

    [Theory]
    [InlineData("file,split\na.txt,train\n")]
    [InlineData("file,level\na.txt,5\n")]
    [InlineData("")]
    public void Read_BadFile_ThrowsFormatException(string csv)
    {
        Assert.Throws<FormatException>(() => LabelsCsv.Read(new StringReader(csv)));
    }
}
