package org.parley.chat.domain.model.preference;

import java.util.Base64;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.Texts;

/**
 * One of a user's preferences kept on the server (XCCOS cmd:getpref / cmd:setpref, docs/protocol/xccos.md §7.9): an opaque
 * value under a label the client chooses (the 2010 Group Chat client kept its room list under
 * {@code kedzie.GroupChannels}), the same for every client of the user. The value travels and is kept in base64,
 * as the client sends it; its version is the {@code seqid} the clients see, one more with every change.
 */
@Entity
@Table(name = "user_preference")
public class Preference {

    public static final int MAX_LABEL_LENGTH = 200;
    /** 64 KiB of value, in base64. */
    public static final int MAX_CONTENT_LENGTH = 87_384;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_preference_id")
    @SequenceGenerator(name = "user_preference_id", sequenceName = "user_preference_seq", allocationSize = 50)
    private Long id;

    @Column(name = "user_uri", nullable = false, length = SipUri.MAX_LENGTH)
    private SipUri user;

    @Column(name = "label", nullable = false, length = MAX_LABEL_LENGTH)
    private String label;

    @Column(name = "content", nullable = false, length = MAX_CONTENT_LENGTH)
    private String content;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Preference() {}

    private Preference(SipUri user, String label, String content) {
        this.user = user;
        this.label = label(label);
        this.content = content(content);
    }

    /** A new preference, with the value given or empty (what a client asking to "create the default" gets). */
    public static Preference create(SipUri user, String label, String content) {
        return new Preference(user, label, content);
    }

    public void replace(String content) {
        this.content = content(content);
    }

    /** The label as stored: as the client wrote it, trimmed. */
    public static String label(String label) {
        return Texts.required(label, "preference label", MAX_LABEL_LENGTH);
    }

    private static String content(String content) {
        String value = content == null ? "" : content.strip();
        if (value.length() > MAX_CONTENT_LENGTH) {
            throw new ChatException(
                    ChatException.Reason.TOO_LARGE,
                    "a preference holds at most 64 KiB (" + MAX_CONTENT_LENGTH + " characters of base64)");
        }
        try {
            Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            throw ChatException.invalid("a preference's content must be base64: " + notBase64.getMessage());
        }
        return value;
    }

    public SipUri user() {
        return user;
    }

    public String label() {
        return label;
    }

    public String content() {
        return content;
    }

    public long version() {
        return version;
    }
}
