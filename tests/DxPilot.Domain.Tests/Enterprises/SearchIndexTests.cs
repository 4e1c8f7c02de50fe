using DxPilot.Domain.Enterprises;

namespace DxPilot.Domain.Tests.Enterprises;

public class SearchIndexTests
{
    [Fact]
    public void A_text_has_each_character_and_each_adjacent_pair_once_and_none_across_a_space()
    {
        Assert.Equal(["a", "ab", "b", "华", "大", "大华"], SearchIndex.Grams("大华 ab 华").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Runs_of_ascii_letters_and_digits_add_their_trigrams_and_nothing_else_does()
    {
        // 科技12 has no trigram (科技1 and 技12 are not all ASCII); 0571 has 057 and 571; none crosses the space.
        Assert.Equal(["0", "05", "057", "1", "12", "2", "5", "57", "571", "7", "71", "技", "技1", "科", "科技"],
            SearchIndex.Grams("科技12 0571").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_character_outside_the_basic_plane_counts_as_one()
    {
        // 𠀀 (U+20000) is two UTF-16 units but one character, as PostgreSQL's substr counts it.
        Assert.Equal(["科", "𠀀", "𠀀科"], SearchIndex.Grams("𠀀科").Order(StringComparer.Ordinal));
        Assert.Equal(["𠀀科"], SearchIndex.RequiredGrams("𠀀科"));
    }

    [Theory]
    [InlineData("科", new[] { "科" })]
    [InlineData("科技", new[] { "科技" })]
    [InlineData("汽车零", new[] { "汽车", "车零" })]
    [InlineData("1381", new[] { "13", "38", "81", "138", "381" })]
    [InlineData("1111", new[] { "11", "111" })]
    [InlineData("ma27", new[] { "ma", "a2", "27", "ma2", "a27" })]
    [InlineData("科技1号", new[] { "科技", "技1", "1号" })]
    [InlineData("", new string[0])]
    public void A_fragment_requires_itself_up_to_two_characters_its_bigrams_beyond_and_the_trigrams_of_codes(string fragment, string[] grams)
    {
        Assert.Equal(grams, SearchIndex.RequiredGrams(fragment));
    }

    [Fact]
    public void A_fragment_is_compared_half_width_lower_case_and_without_spaces()
    {
        Assert.Equal("9133ab", SearchIndex.Fragment("９１３３ ＡＢ"));
    }

    [Fact]
    public void The_text_without_personal_data_is_a_prefix_of_the_full_text()
    {
        Assert.Equal("大华科技 王芳", SearchIndex.Text("大华科技", null, "王芳"));
        Assert.StartsWith(SearchIndex.Text("大华科技", null, "王芳"), SearchIndex.Text("大华科技", null, "王芳", "13912345678"));
    }
}
