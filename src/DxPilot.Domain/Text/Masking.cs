namespace DxPilot.Domain.Text;

public static class Masking
{
    /// <summary>138****5678: personal data shown only to the roles that need it (DOMAIN §8).</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return "";
        if (phone.Length <= 4) return new string('*', phone.Length);
        var keepStart = Math.Min(3, phone.Length - 4);
        return phone[..keepStart] + new string('*', phone.Length - keepStart - 4) + phone[^4..];
    }
}
