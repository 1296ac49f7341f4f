using ClassScan.Detection.Individuals;

namespace ClassScan.Detection.Tests.Individuals;

public sealed class AnonymisedReferencesTests
{
    [Theory]
    [InlineData("A.A. yrkade att B.B. skulle förpliktas betala.", 2)]
    [InlineData("Förhöret med F.J., F.A.I. och L.B. spelades upp.", 3)]
    [InlineData("NN har ansökt om bistånd. N.N. bor i kommunen.", 2)]
    [InlineData("Biträdet åt S. J. i Arbetsdomstolen.", 1)]
    public void Count_AnonymisedInitials_Counted(string text, int expected)
    {
        Assert.Equal(expected, AnonymisedReferences.Count(text, limit: 10));
    }

    [Theory]
    [InlineData("Se t.ex. bilaga 2 och s.k. förhandsbesked.")]
    [InlineData("Anna Svensson och Omar Lundin deltog.")]
    [InlineData("Kontakta IT-supporten via NNN-portalen eller ANNA.")]
    [InlineData("Dnr SN 2025/0077")]
    public void Count_NoAnonymisedReference_Zero(string text)
    {
        Assert.Equal(0, AnonymisedReferences.Count(text, limit: 10));
    }
}
