package org.yiwang.license.sharing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may query the e-licence library ({@code license.library.*}).
 *
 * @param clients service-account client ids (role {@code platform-service}) allowed to query; the data exchange
 */
@ConfigurationProperties("license.library")
public record LibraryProperties(@DefaultValue("svc-exchange") List<String> clients) {
}
