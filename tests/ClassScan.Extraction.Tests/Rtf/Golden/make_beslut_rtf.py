"""Writes beslut.rtf: synthetic case text (Skatteverket's test personnummer only) in Word's RTF dialect."""
import sys

rtf = r"""{\rtf1\ansi\ansicpg1252\uc1\deff0{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\froman\fcharset238 Times New Roman CE;}}
{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}}
{\*\generator Riched20 10.0.19041}{\info{\title Beslut om bist\'e5nd}{\author Handl\'e4ggare Hansson}{\subject Ekonomiskt bist\'e5nd}}
\paperw11906\paperh16838\sectd
{\header\pard\plain\f0 Sekretess enligt 26 kap. 1 \'a7 OSL\par Personnummer 19121212-1212\par}
{\footer\pard\plain\f0 Sida {\field{\*\fldinst PAGE}{\fldrslt 1}}\par}
\pard\plain\f0\fs24 Beslut f\'f6r \'c5sa \'c4ngstr\'f6m \'d6berg\par
Tolk: {\f1\'a3ukasz} Nowak, \u321?odz{\v  HEMLIGDOLD 19121212-1212}.\par
{\pict\pngblip\picw10\pich10 89504e470d0a1a0a0000000d49484452}
{\trowd\cellx3000\cellx6000\pard\intbl Namn\cell Personnummer\cell\row}
{\trowd\cellx3000\cellx6000\pard\intbl Tolvan Tolvansson\cell 19121212-1212\cell\row}
\pard Beslutet kan \'f6verklagas{\super\chftn}{\footnote\pard\plain{\super\chftn} Se 16 kap. SoL.}.\par
}
"""
sys.stdout.write(rtf)
