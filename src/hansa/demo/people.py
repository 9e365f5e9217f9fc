"""Names of the people working at demo companies, by naming culture.

Each culture is ``(given names, family names)``. Chinese staff of exporters often use an English
given name with their family name ("Linda Chen"), so ``zh`` has both kinds of given names.
"""

from __future__ import annotations

import random
import unicodedata


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


ZH_FAMILY = _split(
    "Chen, Li, Wang, Zhang, Liu, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo, He, Lin, "
    "Luo, Gao, Liang, Zheng, Xie, Tang, Feng, Deng, Cao, Peng, Zeng, Xiao, Tian, Dong, Pan, Yuan, "
    "Cai, Jiang, Yu, Du, Ye, Cheng, Wei, Su, Lu, Ding, Ren, Shen, Yao"
)
ZH_GIVEN = _split(
    "Wei, Fang, Jing, Lei, Yan, Min, Jun, Hui, Qiang, Na, Tao, Ming, Xin, Yun, Hao, Ping, Bin, "
    "Juan, Jie, Gang, Hong, Lan, Chao, Xiaoming, Jianguo, Haiyan, Lihua, Zhiqiang, Xiaoli, "
    "Yuting, Jiahao, Zihan, Yifan, Jianhua, Meiling, Guoqiang, Shuang, Xuefeng"
)
ZH_ENGLISH_GIVEN = _split(
    "Linda, Kevin, Amy, Jack, Cindy, Tony, Sunny, Lily, Eric, Grace, Vincent, Coco, Jason, Helen, "
    "Frank, Nancy, Leo, Ivy, Peter, Wendy, Alan, Judy, Bruce, Cherry, Daisy, Andy, Sophia, "
    "Steven, Rebecca, Michael, Tina, Angela, Sally, Jenny, Rocky, Kelly, Mandy, Bella, Evan, "
    "Apple, Echo, Summer, Ken"
)

CULTURES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en_us": (
        _split(
            "James, Mary, Michael, Jennifer, David, Sarah, Robert, Jessica, Daniel, Emily, "
            "Christopher, Ashley, Matthew, Amanda, Andrew, Megan, Joshua, Lauren, Brian, Rachel, "
            "Kevin, Nicole, Tyler, Samantha, Ryan, Stephanie, Carlos, Maria, Jose, Priya"
        ),
        _split(
            "Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Garcia, Wilson, Anderson, "
            "Taylor, Thomas, Moore, Martin, Jackson, Thompson, White, Harris, Clark, Lewis, "
            "Walker, Hall, Young, Allen, King, Wright, Scott, Green, Baker, Adams, Nelson, "
            "Carter, Mitchell, Roberts, Turner, Phillips, Campbell, Parker, Evans, Collins, "
            "Stewart, Murphy, Cooper, Hughes, Sullivan, Bennett, Brooks, Nguyen, Patel, Rodriguez"
        ),
    ),
    "en_gb": (
        _split(
            "Oliver, Amelia, Harry, Olivia, George, Emily, Jack, Isla, Thomas, Jessica, Charlie, "
            "Sophie, James, Lucy, William, Chloe, Alfie, Hannah, Joshua, Ella, Liam, Grace, Noah, "
            "Ruby"
        ),
        _split(
            "Smith, Jones, Taylor, Brown, Williams, Wilson, Johnson, Davies, Robinson, Wright, "
            "Thompson, Evans, Walker, White, Roberts, Green, Hall, Wood, Jackson, Clarke, Hughes, "
            "Edwards, Patel, Khan, Lewis, Harrison, Cooper, Ward, Morris, O'Brien, Murphy, Kelly, "
            "Campbell, MacDonald"
        ),
    ),
    "de": (
        _split(
            "Lukas, Anna, Jonas, Lea, Felix, Laura, Maximilian, Sarah, Leon, Julia, Paul, Lena, "
            "Tim, Katharina, Jan, Sophie, Tobias, Marie, Stefan, Sabine, Thomas, Claudia, "
            "Andreas, Petra, Markus, Nicole, Michael, Christina, Florian, Johanna"
        ),
        _split(
            "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, "
            "Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, "
            "Braun, Krüger, Hartmann, Lange, Werner, Krause, Lehmann, Köhler, Walter, König, "
            "Huber, Kaiser, Fuchs, Peters, Scholz, Möller, Vogel, Friedrich, Keller, Berger, "
            "Winkler, Roth, Beck, Lorenz, Baumann, Albrecht, Ludwig, Böhm, Winter, Brandt, Haas"
        ),
    ),
    "fr": (
        _split(
            "Camille, Louis, Chloé, Hugo, Manon, Lucas, Léa, Thomas, Julie, Nicolas, Sophie, "
            "Antoine, Émilie, Julien, Claire, Mathieu, Céline, Pierre, Amélie, Romain"
        ),
        _split(
            "Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, "
            "Simon, Laurent, Lefebvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, "
            "Morel, Girard, Bonnet, Dupont, Lambert, Fontaine, Rousseau, Mercier"
        ),
    ),
    "es": (
        _split(
            "Alejandro, María, Carlos, Lucía, Javier, Sofía, Miguel, Carmen, José, Ana, Luis, "
            "Laura, Diego, Valentina, Andrés, Gabriela, Fernando, Paula, Jorge, Isabel, Ricardo, "
            "Daniela"
        ),
        _split(
            "García, Rodríguez, González, Fernández, López, Martínez, Sánchez, Pérez, Gómez, "
            "Martín, Jiménez, Ruiz, Hernández, Díaz, Moreno, Álvarez, Romero, Torres, Navarro, "
            "Ramírez, Flores, Vargas, Castillo, Ortega, Morales, Reyes, Herrera, Medina, Silva, "
            "Rojas"
        ),
    ),
    "pt": (
        _split(
            "João, Ana, Pedro, Mariana, Lucas, Beatriz, Gabriel, Camila, Rafael, Juliana, Felipe, "
            "Larissa, Gustavo, Fernanda, Thiago, Carolina, Bruno, Patrícia, Rodrigo, Letícia"
        ),
        _split(
            "Silva, Santos, Oliveira, Souza, Rodrigues, Ferreira, Alves, Pereira, Lima, Gomes, "
            "Costa, Ribeiro, Martins, Carvalho, Almeida, Lopes, Soares, Fernandes, Vieira, "
            "Barbosa, Rocha, Dias, Nascimento, Moreira"
        ),
    ),
    "it": (
        _split(
            "Marco, Giulia, Alessandro, Francesca, Luca, Chiara, Andrea, Sara, Matteo, Valentina, "
            "Davide, Elena, Simone, Martina, Federico, Alessia, Stefano, Silvia, Paolo, Roberta"
        ),
        _split(
            "Rossi, Russo, Ferrari, Esposito, Romano, Colombo, Ricci, Marino, Greco, Bruno, "
            "Gallo, Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Barbieri, Fontana, "
            "Santoro, Mariani, Rinaldi, Caruso, Ferrara, Galli, Martini, Leone, Longo, Gentile"
        ),
    ),
    "nl": (
        _split(
            "Daan, Emma, Sem, Julia, Lucas, Sophie, Milan, Lotte, Thijs, Sanne, Bram, Fleur, "
            "Jeroen, Anouk, Pieter, Eva, Ruben, Lieke"
        ),
        _split(
            "de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, "
            "Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, "
            "Brouwer, Peeters, Maes, Claes, Willems"
        ),
    ),
    "nordic": (
        _split(
            "Erik, Anna, Lars, Ingrid, Johan, Maria, Anders, Karin, Mikael, Sofia, Henrik, Elin, "
            "Nils, Astrid, Magnus, Freja, Oskar, Liv, Mikko, Aino"
        ),
        _split(
            "Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Olsen, Hansen, Jensen, "
            "Nielsen, Pedersen, Johansen, Berg, Lindqvist, Lindberg, Virtanen, Korhonen, "
            "Nieminen, Haugen, Dahl"
        ),
    ),
    "pl": (
        _split(
            "Piotr, Anna, Krzysztof, Katarzyna, Tomasz, Magdalena, Paweł, Agnieszka, Marcin, "
            "Joanna, Michał, Monika, Łukasz, Ewa, Jakub, Karolina"
        ),
        _split(
            "Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, "
            "Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Kwiatkowski, Krawczyk"
        ),
    ),
    "cz": (
        _split(
            "Jan, Petra, Tomáš, Lucie, Martin, Kateřina, Jakub, Veronika, Lukáš, Tereza, Ondřej, "
            "Eva"
        ),
        _split(
            "Novák, Svoboda, Novotný, Dvořák, Černý, Procházka, Kučera, Veselý, Horák, Němec, "
            "Marek, Pospíšil"
        ),
    ),
    "hu": (
        _split("Bence, Anna, Máté, Eszter, Gábor, Zsófia, László, Katalin, Péter, Réka"),
        _split("Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár, Németh, Farkas"),
    ),
    "ro": (
        _split("Andrei, Elena, Mihai, Ioana, Alexandru, Maria, Gabriel, Andreea, Ionuț, Cristina"),
        _split(
            "Popescu, Ionescu, Popa, Dumitru, Stan, Stoica, Gheorghe, Matei, Constantin, Munteanu"
        ),
    ),
    "gr": (
        _split(
            "Georgios, Maria, Dimitrios, Eleni, Konstantinos, Katerina, Nikolaos, Sofia, Ioannis, "
            "Anna"
        ),
        _split(
            "Papadopoulos, Pappas, Oikonomou, Georgiou, Vasileiou, Nikolaidis, Karagiannis, "
            "Dimitriou, Makris, Christodoulou"
        ),
    ),
    "tr": (
        _split(
            "Mehmet, Ayşe, Mustafa, Fatma, Ahmet, Zeynep, Ali, Elif, Hüseyin, Emine, Murat, "
            "Hatice, Emre, Merve, Burak, Esra, Can, Selin, Kemal, Deniz"
        ),
        _split(
            "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, "
            "Doğan, Kılıç, Aslan, Çetin, Kara, Koç, Kurt, Özkan, Şimşek, Polat, Erdoğan, Aksoy, "
            "Güneş"
        ),
    ),
    "ar": (
        _split(
            "Mohammed, Fatima, Ahmed, Aisha, Omar, Layla, Khalid, Noura, Youssef, Mariam, Hassan, "
            "Sara, Ali, Huda, Tariq, Rania, Karim, Salma, Faisal, Dina"
        ),
        _split(
            "Al-Sayed, Haddad, Al-Farsi, Mansour, Nasser, Khalil, Saleh, Hamdan, Al-Mansouri, "
            "Darwish, Rahman, Aziz, Qureshi, Benali, El Amrani, Bakr, Fahmy, Hassan, Ibrahim, "
            "Abdullah"
        ),
    ),
    "he": (
        _split("Noa, David, Tamar, Yosef, Maya, Daniel, Shira, Eitan, Yael, Avi"),
        _split("Cohen, Levi, Mizrahi, Peretz, Biton, Friedman, Avraham, Katz, Azoulay, Goldberg"),
    ),
    "in": (
        _split(
            "Rahul, Priya, Amit, Anjali, Vikram, Sneha, Rajesh, Pooja, Suresh, Kavita, Arjun, "
            "Neha, Sanjay, Deepa, Manoj, Ritu, Karthik, Lakshmi, Arvind, Meera, Nikhil, Divya"
        ),
        _split(
            "Sharma, Patel, Singh, Kumar, Gupta, Mehta, Shah, Reddy, Iyer, Nair, Agarwal, Joshi, "
            "Verma, Rao, Chopra, Malhotra, Bhatia, Desai, Kapoor, Menon, Pillai, Jain, Banerjee"
        ),
    ),
    "pk": (
        _split(
            "Muhammad, Ayesha, Ahmed, Fatima, Ali, Sana, Usman, Hira, Bilal, Maryam, Hamza, "
            "Zainab, Imran, Nadia, Faisal, Saima"
        ),
        _split(
            "Khan, Ahmed, Malik, Butt, Chaudhry, Sheikh, Qureshi, Raza, Iqbal, Hussain, Mirza, "
            "Anwar, Siddiqui, Javed, Aslam, Rana"
        ),
    ),
    "bd": (
        _split(
            "Rahim, Nusrat, Karim, Farhana, Tanvir, Sadia, Imran, Tahmina, Arif, Shirin, Rafiq, "
            "Nasrin, Mahmud, Sabrina"
        ),
        _split(
            "Rahman, Hossain, Islam, Ahmed, Chowdhury, Uddin, Alam, Akter, Miah, Sarker, Haque, "
            "Khan, Talukder, Biswas"
        ),
    ),
    "vi": (
        _split(
            "Anh, Minh, Linh, Hoa, Tuan, Huong, Duc, Lan, Hung, Mai, Thanh, Trang, Quang, Thu, "
            "Nam, Ngoc, Phuong, Khanh"
        ),
        _split(
            "Nguyen, Tran, Le, Pham, Hoang, Huynh, Phan, Vu, Vo, Dang, Bui, Do, Ho, Ngo, Duong, Ly"
        ),
    ),
    "th": (
        _split(
            "Somchai, Siriporn, Niran, Kanya, Prasert, Malee, Anan, Suda, Chai, Pimchanok, "
            "Kittisak, Ratana, Wichai, Nattaya"
        ),
        _split(
            "Srisuk, Wongsawat, Chaiyaporn, Rattanakul, Saetang, Boonmee, Thongchai, Suksawat, "
            "Kaewkla, Phromma, Chanthara, Intharasuk"
        ),
    ),
    "ms": (
        _split(
            "Ahmad, Nur, Siti, Mohd, Aisyah, Farid, Wei Ling, Jun Hao, Priya, Rajesh, Hafiz, Mei "
            "Yee, Azlan, Suresh"
        ),
        _split(
            "Abdullah, Ismail, Hassan, Rahman, Tan, Lim, Lee, Wong, Ng, Chong, Kumar, "
            "Subramaniam, Yusof, Ibrahim"
        ),
    ),
    "sg": (
        _split("Wei Ming, Hui Min, Jun Jie, Li Ting, Daniel, Rachel, Ravi, Siti, Marcus, Jasmine"),
        _split("Tan, Lim, Lee, Ng, Ong, Wong, Goh, Chua, Koh, Teo, Rajan, Ismail"),
    ),
    "id": (
        _split("Budi, Siti, Agus, Dewi, Andi, Rina, Hendra, Putri, Eko, Wulan, Rudi, Maya"),
        _split(
            "Santoso, Wijaya, Gunawan, Kusuma, Hartono, Setiawan, Pratama, Halim, Susanto, "
            "Nugroho, Saputra, Lestari"
        ),
    ),
    "ph": (
        _split(
            "Jose, Maria, Mark, Kristine, John Paul, Angelica, Carlo, Patricia, Miguel, Joy, "
            "Rommel, Grace"
        ),
        _split(
            "Santos, Reyes, Cruz, Bautista, Ocampo, Garcia, Mendoza, Torres, Tomas, Andrada, "
            "Castillo, Flores, Villanueva, Ramos"
        ),
    ),
    "ko": (
        _split(
            "Min-jun, Seo-yeon, Ji-hoon, Ji-woo, Hyun-woo, Soo-jin, Dong-hyun, Eun-ji, Sung-min, "
            "Ha-eun, Jae-won, Yu-na"
        ),
        _split("Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Shin, Seo, Kwon"),
    ),
    "ja": (
        _split(
            "Hiroshi, Yuki, Takashi, Akiko, Kenji, Naoko, Daisuke, Emi, Satoshi, Mai, Kazuki, "
            "Aya, Ryo, Haruka"
        ),
        _split(
            "Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato, "
            "Yoshida, Yamada, Sasaki, Matsumoto, Inoue, Kimura"
        ),
    ),
    "af": (
        _split(
            "Chinedu, Ngozi, Emeka, Amaka, Tunde, Funmi, Kwame, Ama, Kofi, Abena, Wanjiru, "
            "Otieno, Kamau, Akinyi, Ibrahim, Aisha, Segun, Chioma"
        ),
        _split(
            "Okafor, Adeyemi, Okonkwo, Balogun, Eze, Mensah, Owusu, Boateng, Asante, Mwangi, "
            "Ochieng, Kamau, Otieno, Njoroge, Bello, Abubakar, Nwosu, Adebayo"
        ),
    ),
    "za": (
        _split(
            "Thabo, Lerato, Sipho, Nomvula, Johan, Annelie, Pieter, Zanele, Michael, Ayanda, "
            "Riaan, Naledi"
        ),
        _split(
            "Nkosi, Dlamini, Botha, van der Merwe, Naidoo, Khumalo, Pretorius, Mokoena, Smith, "
            "Ndlovu, Venter, Mahlangu"
        ),
    ),
}

# Letters that NFKD does not reduce to ASCII.
_ASCII_MAP = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "đ": "d",
        "Đ": "D",
        "œ": "oe",
        "Œ": "OE",
    }
)


def to_ascii(text: str) -> str:
    """``"Yılmaz"`` -> ``"Yilmaz"``, ``"Dąbrowski"`` -> ``"Dabrowski"``."""
    normalized = unicodedata.normalize("NFKD", text.translate(_ASCII_MAP))
    return normalized.encode("ascii", "ignore").decode("ascii")


def person_name(rng: random.Random, culture: str) -> tuple[str, str]:
    """A ``(given, family)`` pair of the culture; Chinese staff often go by an English name."""
    if culture == "zh":
        family = rng.choice(ZH_FAMILY)
        if rng.random() < 0.55:
            return rng.choice(ZH_ENGLISH_GIVEN), family
        return rng.choice(ZH_GIVEN), family
    given, families = CULTURES.get(culture, CULTURES["en_us"])
    return rng.choice(given), rng.choice(families)


def full_name(given: str, family: str, culture: str) -> str:
    # Chinese given names in pinyin are written after the family name ("Zhang Wei"), English
    # given names before it ("Linda Chen").
    if culture == "zh" and given in ZH_GIVEN:
        return f"{family} {given}"
    return f"{given} {family}"
