namespace ClassScan.Detection.Text;

/// <summary>A word in a text: a maximal run of letters and digits.</summary>
internal readonly record struct WordToken(int Start, int Length)
{
    public int End => Start + Length;
}
