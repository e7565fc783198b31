package dev.mercato.platform.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
class ProbeApplication {

}
