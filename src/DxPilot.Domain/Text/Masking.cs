namespace DxPilot.Domain.Text;

public static class Masking
{
    /// <summary>138****5678: personal data shown only to the roles that need it (DOMAIN §8).</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return "";
        // Always hide at least 4 characters: keep up to the last 4 and up to the first 3 only when 4 remain hidden.
        const int hidden = 4;
        if (phone.Length <= hidden) return new string('*', phone.Length);
        var keepEnd = Math.Min(4, phone.Length - hidden);
        var keepStart = Math.Min(3, phone.Length - hidden - keepEnd);
        return phone[..keepStart] + new string('*', phone.Length - keepStart - keepEnd) + phone[^keepEnd..];
    }
}
