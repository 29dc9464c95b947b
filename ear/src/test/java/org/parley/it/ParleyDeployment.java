package org.parley.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment every integration test uses: the EAR this module just built, exactly as it
 * ships, plus a small WAR holding the test classes (Arquillian runs in-container tests there).
 */
public final class ParleyDeployment {

    private ParleyDeployment() {
    }

    public static EnterpriseArchive ear(Class<?>... testClasses) {
        File built = new File(System.getProperty("parley.ear", "target/parley.ear"));
        if (!built.isFile()) {
            throw new IllegalStateException("EAR not built: " + built.getAbsolutePath());
        }
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, built);
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "parley-tests.war")
                .addClass(ParleyDeployment.class)
                .addClasses(testClasses)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        return ear.addAsModule(tests);
    }
}
