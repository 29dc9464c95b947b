package org.parley.chat.interfaces.sip.auth;

/** The NegotiateFlags bits [MS-NLMP 2.2.2.5] that Parley sets or checks. */
public final class NtlmFlags {

    public static final int NEGOTIATE_UNICODE = 0x00000001;
    public static final int REQUEST_TARGET = 0x00000004;
    public static final int NEGOTIATE_SIGN = 0x00000010;
    public static final int NEGOTIATE_SEAL = 0x00000020;
    public static final int NEGOTIATE_DATAGRAM = 0x00000040;
    public static final int NEGOTIATE_NTLM = 0x00000200;
    public static final int NEGOTIATE_ALWAYS_SIGN = 0x00008000;
    public static final int TARGET_TYPE_DOMAIN = 0x00010000;
    public static final int NEGOTIATE_EXTENDED_SESSIONSECURITY = 0x00080000;
    public static final int NEGOTIATE_IDENTIFY = 0x00100000;
    public static final int NEGOTIATE_TARGET_INFO = 0x00800000;
    public static final int NEGOTIATE_VERSION = 0x02000000;
    public static final int NEGOTIATE_128 = 0x20000000;
    public static final int NEGOTIATE_KEY_EXCH = 0x40000000;
    public static final int NEGOTIATE_56 = 0x80000000;

    /**
     * What Parley offers in its CHALLENGE: exactly the set SIPE insists on (docs/protocol/real-client.md §4.1,
     * otherwise "incompatible NTLM NegotiateFlags"), plus REQUEST_TARGET, TARGET_TYPE_DOMAIN, 128
     * and 56 as in the CHALLENGE of appendix C.1 ({@code 0xE0998255}).
     */
    public static final int SERVER_CHALLENGE = NEGOTIATE_UNICODE
            | REQUEST_TARGET
            | NEGOTIATE_SIGN
            | NEGOTIATE_DATAGRAM
            | NEGOTIATE_NTLM
            | NEGOTIATE_ALWAYS_SIGN
            | TARGET_TYPE_DOMAIN
            | NEGOTIATE_EXTENDED_SESSIONSECURITY
            | NEGOTIATE_IDENTIFY
            | NEGOTIATE_TARGET_INFO
            | NEGOTIATE_128
            | NEGOTIATE_KEY_EXCH
            | NEGOTIATE_56;

    /**
     * What an AUTHENTICATE must carry for {@link NtlmSession}'s signatures to be those the client
     * computes: without extended session security NTLM falls back to CRC32 checksums, and without
     * DATAGRAM to one RC4 stream per direction; SIPE uses neither.
     */
    public static final int REQUIRED_FROM_CLIENT = NEGOTIATE_UNICODE
            | NEGOTIATE_SIGN
            | NEGOTIATE_DATAGRAM
            | NEGOTIATE_NTLM
            | NEGOTIATE_EXTENDED_SESSIONSECURITY;

    private NtlmFlags() {}
}
