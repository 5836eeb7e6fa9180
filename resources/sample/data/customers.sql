-- The sample's customer table (System A of the customer sync), in SQL that SQLite and PostgreSQL
-- both read. make-customers.sh builds customers.sqlite from it; the probe tests load it into
-- PostgreSQL. Some rows are dirty on purpose, for the De-Para's transforms and validation:
-- extra spaces, lower case, a phone in local format, an invalid e-mail.
CREATE TABLE customers (
    customerid INTEGER PRIMARY KEY,
    customername VARCHAR(120) NOT NULL,
    customeraddress VARCHAR(200),
    customerphone VARCHAR(40),
    customeremail VARCHAR(254)
);

INSERT INTO customers (customerid, customername, customeraddress, customerphone, customeremail) VALUES
(1001, '  maria aparecida da silva ', 'Praça da Sé, 100 - Sé, São Paulo - SP', '(11) 98765-4321', 'Maria.Silva@Example.com'),
(1002, 'JOÃO PEDRO OLIVEIRA', 'Avenida Paulista, 1578 - Bela Vista, São Paulo - SP', '+55 11 3251-5644', 'joao.oliveira@example.com'),
(1003, 'Ana Beatriz Souza', 'Rua Oscar Freire, 900 - Jardins, São Paulo - SP', '+5511991234567', 'ana.souza@example.com.br'),
(1004, 'carlos eduardo lima', 'Rua Augusta, 2690 - Cerqueira César, São Paulo - SP', '11 97654-3210', 'carlos.lima@example.com'),
(1005, 'Fernanda Rodrigues', 'Avenida Brigadeiro Faria Lima, 3477 - Itaim Bibi, São Paulo - SP', '+55 (11) 3708-4000', 'fernanda.rodrigues@example.com'),
(1006, 'RAFAEL  COSTA  PEREIRA', 'Rua Harmonia, 123 - Vila Madalena, São Paulo - SP', '(11) 3032-1122', 'rafael.pereira@example'),
(1007, 'Juliana Almeida', 'Avenida Tiradentes, 1500 - Centro, Guarulhos - SP', '+55 11 2408-9900', 'juliana.almeida@example.com'),
(1008, 'Marcos Vinícius Santos', 'Rua Antônio Agú, 255 - Centro, Osasco - SP', '+55 11 3681-2200', 'marcos.santos@example.com'),
(1009, 'Patrícia Gomes', 'Avenida Atlântica, 1702 - Copacabana, Rio de Janeiro - RJ', '+55 21 2548-7070', 'patricia.gomes@example.com'),
(1010, 'lucas henrique martins', 'Rua da Bahia, 1148 - Centro, Belo Horizonte - MG', '(31) 3222-4455', 'LUCAS.MARTINS@EXAMPLE.COM'),
(1011, 'Camila Ferreira', 'Avenida Boa Viagem, 4000 - Boa Viagem, Recife - PE', '+55 81 3465-1020', 'camila.ferreira@example.com'),
(1012, 'Bruno Carvalho', 'Rua XV de Novembro, 700 - Centro, Curitiba - PR', '+55 41 3223-3344', 'bruno.carvalho@example.com'),
(1013, '   Aline Ribeiro', 'Avenida Sete de Setembro, 1200 - Centro, Salvador - BA', '+55 71 3321-8800', 'aline.ribeiro@example.com'),
(1014, 'Gustavo Araújo', 'Rua dos Andradas, 1234 - Centro Histórico, Porto Alegre - RS', '+55 51 3226-1500', 'gustavo.araujo@example.com'),
(1015, 'Larissa Barbosa', 'SQN 210 Bloco A, Asa Norte, Brasília - DF', '98877-6655', 'larissa.barbosa@example.com'),
(1016, 'Thiago Nascimento', 'Avenida Beira Mar, 3000 - Meireles, Fortaleza - CE', '+55 85 3248-1900', 'thiago.nascimento@example.com'),
(1017, 'Beatriz Cardoso', 'Rua da Consolação, 3075 - Cerqueira César, São Paulo - SP', '+55 11 3068-0101', 'beatriz.cardoso@example.com'),
(1018, 'Eduardo Teixeira', 'Rua Vergueiro, 1000 - Liberdade, São Paulo - SP', '+55 11 3209-7766', 'eduardo.teixeira@example.com'),
(1019, 'Mariana Moreira', 'Avenida Getúlio Vargas, 500 - Centro, Campinas - SP', '+55 19 3231-4400', 'mariana.moreira@example.com'),
(1020, 'Vinícius Rocha', 'Rua Barão de Jaguara, 900 - Centro, Campinas - SP', '+55 19 3232-5566', 'vinicius.rocha@example.com');
