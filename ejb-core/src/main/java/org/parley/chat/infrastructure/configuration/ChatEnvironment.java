package org.parley.chat.infrastructure.configuration;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.ChatSetting;
import org.parley.chat.application.FileTransferSettings;
import org.parley.chat.application.directory.EnterpriseDirectory;
import org.parley.chat.application.events.PoolSettings;
import org.parley.chat.infrastructure.directory.DirectorySettings;
import org.parley.chat.infrastructure.directory.LdapDirectory;
import org.parley.chat.infrastructure.files.FileStore;

/** What the services take from the server they run in: the settings, the time, the file store and the directory. */
@ApplicationScoped
public class ChatEnvironment {

    @Produces
    public ChatConfiguration configuration() {
        return ChatConfiguration.from(System.getProperties());
    }

    @Produces
    public FileTransferSettings fileTransferSettings() {
        return FileTransferSettings.from(System.getProperties());
    }

    /** One per start of the deployment (this bean is application-scoped). */
    private final String incarnation = UUID.randomUUID().toString();

    @Produces
    public PoolSettings poolSettings() {
        return PoolSettings.from(System.getProperties(), incarnation);
    }

    /** The enterprise directory when {@code parley.directory=ldap} (configure-directory.cli), else none. */
    @Produces
    @ApplicationScoped
    public EnterpriseDirectory enterpriseDirectory() {
        DirectorySettings settings = DirectorySettings.from(System.getProperties());
        return settings.enabled() ? new LdapDirectory(settings) : EnterpriseDirectory.NONE;
    }

    @Produces
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Without the property (set by configure-system-properties.cli) there is nowhere safe to put files. */
    @Produces
    public FileStore fileStore() {
        return new FileStore(Path.of(ChatSetting.FILE_STORE_DIR.required()));
    }
}
