package org.parley.chat.domain.model.addin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.Name;
import org.parley.chat.domain.shared.Texts;

/**
 * A web page shown beside a room in the client (New-CsPersistentChatAddin): administrators register it by name and
 * URL, a room's managers pick one for their room.
 */
@Entity
@Table(name = "add_in")
public class AddIn {

    public static final int MAX_NAME_LENGTH = 128;
    public static final int MAX_URL_LENGTH = 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "add_in_id")
    @SequenceGenerator(name = "add_in_id", sequenceName = "add_in_seq", allocationSize = 50)
    private Long id;

    @Embedded
    private Name name;

    @Column(name = "url", nullable = false, length = MAX_URL_LENGTH)
    private String url;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AddIn() {}

    private AddIn(String name, String url) {
        this.name = Name.of(name, "add-in name", MAX_NAME_LENGTH);
        this.url = url(url);
    }

    public static AddIn register(Actor by, String name, String url) {
        by.requireAdministrator("register an add-in");
        return new AddIn(name, url);
    }

    public void moveTo(Actor by, String url) {
        by.requireAdministrator("change an add-in");
        this.url = url(url);
    }

    /** An absolute http or https URL: what a client can open beside the room. */
    static String url(String url) {
        String value = Texts.required(url, "add-in URL", MAX_URL_LENGTH);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw ChatException.invalid("an add-in's URL must be an absolute http or https URL: " + value);
            }
            return value;
        } catch (URISyntaxException e) {
            throw ChatException.invalid("not a URL: " + value);
        }
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name.text();
    }

    public String url() {
        return url;
    }

    public long version() {
        return version;
    }
}
