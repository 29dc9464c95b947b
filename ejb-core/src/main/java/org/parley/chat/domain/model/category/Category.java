package org.parley.chat.domain.model.category;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.Principal;
import org.parley.chat.domain.model.user.Principals;
import org.parley.chat.domain.model.user.Subject;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.Name;
import org.parley.chat.domain.shared.Texts;

/**
 * A category: every room belongs to exactly one, and it decides who may be in its rooms at all
 * (allowed members minus denied members: deny wins) and who may create rooms in it (creators), and
 * switches invitations, file posting and chat history for all its rooms. Only administrators change it.
 */
@Entity
@Table(name = "chat_category")
public class Category implements CategoryTerms {

    public static final String ROOT_NAME = "Root";
    public static final int MAX_NAME_LENGTH = 256;
    public static final int MAX_DESCRIPTION_LENGTH = 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_category_id")
    @SequenceGenerator(name = "chat_category_id", sequenceName = "chat_category_seq", allocationSize = 50)
    private Long id;

    @Column(name = "guid", nullable = false, unique = true)
    private UUID guid;

    @Column(name = "domain", nullable = false, length = 255)
    private String domain;

    @Embedded
    private Name name;

    @Column(name = "description", length = MAX_DESCRIPTION_LENGTH)
    private String description;

    @Column(name = "invitations_allowed", nullable = false)
    private boolean invitationsAllowed;

    @Column(name = "file_upload_allowed", nullable = false)
    private boolean fileUploadAllowed;

    @Column(name = "chat_history_enabled", nullable = false)
    private boolean chatHistoryEnabled;

    /** How many days its rooms keep a message; null: for ever (the default: Lync had no retention). */
    @Column(name = "retention_days")
    private Integer retentionDays;

    @Embedded
    @AssociationOverride(
            name = Principals.PATH,
            joinTable = @JoinTable(name = "category_allowed_member", joinColumns = @JoinColumn(name = "category_id")))
    private Principals allowedMembers = new Principals();

    @Embedded
    @AssociationOverride(
            name = Principals.PATH,
            joinTable = @JoinTable(name = "category_denied_member", joinColumns = @JoinColumn(name = "category_id")))
    private Principals deniedMembers = new Principals();

    @Embedded
    @AssociationOverride(
            name = Principals.PATH,
            joinTable = @JoinTable(name = "category_creator", joinColumns = @JoinColumn(name = "category_id")))
    private Principals creators = new Principals();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Category() {}

    private Category(CategoryUri uri, CategorySettings settings, Instant createdAt) {
        this.guid = uri.guid();
        this.domain = uri.domain();
        this.createdAt = createdAt;
        apply(settings);
    }

    public static Category create(Actor by, CategoryUri uri, CategorySettings settings, Instant now) {
        by.requireAdministrator("create a category");
        return new Category(uri, settings, now);
    }

    /**
     * The category the store is seeded with, so a fresh server is usable: everyone of the server's own
     * domain may find, join and create rooms in it, with every feature on.
     */
    public static Category root(CategoryUri uri, Instant now) {
        Category root = new Category(
                uri,
                new CategorySettings(ROOT_NAME, "Rooms open to everyone in " + uri.domain(), true, true, true),
                now);
        Principal everyone = Principal.domain(uri.domain());
        root.allowedMembers.add(everyone);
        root.creators.add(everyone);
        return root;
    }

    /** The category the server was seeded with, by its name (which it keeps, {@link #change}). */
    public boolean isRoot() {
        return name.sameAs(ROOT_NAME);
    }

    /**
     * Sets how long the category's rooms keep history (a room may say otherwise, {@link Room#keepHistoryFor}).
     *
     * @param days 1 to {@value Retention#MAX_DAYS}, or null for ever
     */
    public void keepHistoryFor(Actor by, Integer days) {
        by.requireAdministrator("set how long history is kept");
        retentionDays = Retention.days(days == null || days == 0 ? null : days);
    }

    /** Days its rooms keep a message, or null for ever. */
    public Integer retentionDays() {
        return retentionDays;
    }

    @Override
    public boolean permitsMember(Subject subject) {
        return !deniedMembers.matches(subject) && allowedMembers.matches(subject);
    }

    /** Who may be in its rooms and what it switches for them, as a copy that outlives the transaction. */
    public CategoryRules rules() {
        return new CategoryRules(
                allowedMembers.toSet(),
                deniedMembers.toSet(),
                invitationsAllowed,
                fileUploadAllowed,
                chatHistoryEnabled);
    }

    public boolean permitsCreator(Subject subject) {
        return permitsMember(subject) && creators.matches(subject);
    }

    public void change(Actor by, CategorySettings settings) {
        by.requireAdministrator("change a category");
        // The server finds its Root category by name (rootUri for clients, the default for new rooms).
        if (isRoot() && settings.name() != null && !name.sameAs(settings.name())) {
            throw ChatException.conflict("the Root category keeps its name");
        }
        apply(settings);
    }

    /**
     * Makes the category as an imported document says (an import that updates): settings, the three lists and
     * the retention. Root keeps its name, as with {@link #change}.
     *
     * @return what changed, in words ("settings", "allowed members", ...), empty when nothing did
     */
    public List<String> restoreAs(
            Actor by, CategorySettings settings, Map<CategoryRole, Set<Principal>> lists, Integer retention) {
        by.requireAdministrator("import categories");
        List<String> changed = new ArrayList<>();
        if (!settings.equals(settings())) {
            change(by, settings);
            changed.add("settings");
        }
        for (CategoryRole role : CategoryRole.values()) {
            if (principals(role).replaceWith(lists.getOrDefault(role, Set.of()))) {
                changed.add(role.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "s");
            }
        }
        Integer days = retention == null || retention == 0 ? null : retention;
        if (!Objects.equals(days, retentionDays)) {
            keepHistoryFor(by, days);
            changed.add("retention");
        }
        return changed;
    }

    public void grant(Actor by, CategoryRole role, Principal principal) {
        by.requireAdministrator("change a category");
        principals(role).add(principal);
    }

    public void revoke(Actor by, CategoryRole role, Principal principal) {
        by.requireAdministrator("change a category");
        principals(role).remove(principal);
    }

    private Principals principals(CategoryRole role) {
        return switch (role) {
            case ALLOWED_MEMBER -> allowedMembers;
            case DENIED_MEMBER -> deniedMembers;
            case CREATOR -> creators;
        };
    }

    private void apply(CategorySettings settings) {
        this.name = Name.of(settings.name(), "category name", MAX_NAME_LENGTH);
        this.description = Texts.optional(settings.description(), "category description", MAX_DESCRIPTION_LENGTH);
        this.invitationsAllowed = settings.invitationsAllowed();
        this.fileUploadAllowed = settings.fileUploadAllowed();
        this.chatHistoryEnabled = settings.chatHistoryEnabled();
    }

    public Long id() {
        return id;
    }

    public CategoryUri uri() {
        return new CategoryUri(domain, guid);
    }

    public String name() {
        return name.text();
    }

    public CategorySettings settings() {
        return new CategorySettings(
                name.text(), description, invitationsAllowed, fileUploadAllowed, chatHistoryEnabled);
    }

    @Override
    public boolean invitationsAllowed() {
        return invitationsAllowed;
    }

    @Override
    public boolean fileUploadAllowed() {
        return fileUploadAllowed;
    }

    @Override
    public boolean chatHistoryEnabled() {
        return chatHistoryEnabled;
    }

    public Set<Principal> members(CategoryRole role) {
        return principals(role).toSet();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
